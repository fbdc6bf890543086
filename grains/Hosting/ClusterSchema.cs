using System.Net.Sockets;
using Npgsql;
using QuantCluster.Data.Postgres;
using QuantCluster.Data.Postgres.Migrations;
using QuantCluster.Grains.Results.Postgres;

namespace QuantCluster.Grains.Hosting;

/// <summary>
/// Everything the cluster needs in its PostgreSQL database, applied by the one migration runner: the
/// bar store's tables, the results store's (1002), the home-made runtime's dropped (1003), the API's tokens (1004), and Orleans'
/// own scripts (2001-2004: query table, clustering, grain storage, reminders). The runner's advisory
/// lock and record make it safe for every silo to call this at start-up at once: the first applies all,
/// in one transaction, and the rest find everything recorded.
/// </summary>
public static class ClusterSchema
{
    /// <summary>Our migrations and Orleans', in the order the runner applies them (by version).</summary>
    internal static IReadOnlyList<Migration> Migrations { get; } =
        [M1002SweepResults.Migration, M1003DropHomeMadeRuntime.Migration, Tokens.M1004ApiTokens.Migration, .. OrleansScripts.Migrations];

    /// <summary>
    /// Brings the database at <paramref name="connectionString"/> up to date on a connection of its own
    /// (application name "quantcluster-schema" unless the string gives one), which it closes again.
    /// </summary>
    /// <returns>The versions this call applied, in order; none when another process had already.</returns>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    /// <exception cref="ClusterSchemaException">The server cannot be reached, refuses the login, or a migration fails.</exception>
    public static async Task<IReadOnlyList<int>> ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var settings = ConnectionStrings.Settings(connectionString, "quantcluster-schema");

        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return await SchemaMigrations.ApplyAsync(connection, Migrations, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException)
        {
            throw new ClusterSchemaException(new DatabaseEndpoint(settings).Describe("bringing the cluster's schema up to date", e), e);
        }
    }
}
