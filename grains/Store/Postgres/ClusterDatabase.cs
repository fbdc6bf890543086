using Npgsql;
using QuantCluster.Data.Postgres;

namespace QuantCluster.Grains.Store.Postgres;

/// <summary>
/// The server and database the store uses, as error messages name them (the same wording as the
/// bar store's, from <see cref="DatabaseEndpoint"/>): a password never reaches a message.
/// </summary>
internal sealed class ClusterDatabase(NpgsqlConnectionStringBuilder settings)
{
    private readonly DatabaseEndpoint _endpoint = new(settings);

    /// <summary>"PostgreSQL at HOST:PORT (database D): the cluster store's WHAT failed: WHY".</summary>
    public ClusterStoreException Failure(string operation, Exception error) =>
        new(_endpoint.Describe($"the cluster store's {operation}", error), error);

    public override string ToString() => _endpoint.ToString();
}
