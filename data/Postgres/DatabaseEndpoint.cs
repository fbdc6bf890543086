using System.Globalization;
using Npgsql;

namespace QuantCluster.Data.Postgres;

/// <summary>
/// The server and database a connection string points at, as error messages name them. Built from
/// the parsed connection string, so a password in it never reaches a message.
/// </summary>
public sealed class DatabaseEndpoint
{
    private readonly string _description;

    public DatabaseEndpoint(NpgsqlConnectionStringBuilder settings)
    {
        string host = settings.Host ?? Environment.GetEnvironmentVariable("PGHOST") ?? "localhost";
        string database = settings.Database ?? settings.Username ?? "(default)";
        _description = $"PostgreSQL at {host}:{settings.Port.ToString(CultureInfo.InvariantCulture)} (database {database})";
    }

    /// <summary>"PostgreSQL at HOST:PORT (database D): WHAT failed: WHY[; OUTCOME]": one way for every store to say it.</summary>
    public string Describe(string operation, Exception error, string? outcome = null) =>
        $"{_description}: {operation} failed: {Reason(error)}{(outcome is null ? "" : "; " + outcome)}";

    internal BarStoreException Failure(string operation, Exception error, string? outcome = null) =>
        new(Describe(operation, error, outcome), error);

    public override string ToString() => _description;

    // The server's own words when it answered; otherwise the root cause ("Connection refused"),
    // which says more than Npgsql's wrapper ("Failed to connect to ..."). Npgsql wraps a failed
    // read or write on an open connection in an IOException: the connection was lost mid-way.
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
