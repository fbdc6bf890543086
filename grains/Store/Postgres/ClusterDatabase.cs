using System.Globalization;
using Npgsql;

namespace QuantCluster.Grains.Store.Postgres;

/// <summary>
/// The server and database the store uses, as error messages name them: built from the parsed
/// connection string, so a password never reaches a message.
/// </summary>
internal sealed class ClusterDatabase(NpgsqlConnectionStringBuilder settings)
{
    private readonly string _description =
        $"PostgreSQL at {settings.Host ?? "localhost"}:{settings.Port.ToString(CultureInfo.InvariantCulture)} (database {settings.Database ?? settings.Username ?? "(default)"})";

    /// <summary>"PostgreSQL at HOST:PORT (database D): the cluster store's WHAT failed: WHY".</summary>
    public ClusterStoreException Failure(string operation, Exception error) =>
        new($"{_description}: the cluster store's {operation} failed: {Reason(error)}", error);

    public override string ToString() => _description;

    // The server's own words when it answered, otherwise the root cause ("Connection refused"),
    // which says more than Npgsql's wrapper ("Failed to connect to ...").
    private static string Reason(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is PostgresException server)
            {
                return $"{server.MessageText} (SQLSTATE {server.SqlState})";
            }
        }

        var root = error;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }

        string cause = root.Message.TrimEnd('.');
        return error.InnerException switch
        {
            IOException => $"the connection was lost ({cause})",
            TimeoutException => $"the server did not answer in time ({cause})",
            _ => cause,
        };
    }
}
