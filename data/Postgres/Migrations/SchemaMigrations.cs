using Npgsql;

namespace QuantCluster.Data.Postgres.Migrations;

/// <summary>
/// Brings a database's schema up to date: applies, in version order, every migration that
/// schema_migrations does not record yet. It all runs in one transaction under an advisory lock,
/// so processes starting at once (silos, a client) take turns: the first applies, the others then
/// find everything recorded and do nothing. A failed migration rolls back with all the others.
/// </summary>
public static class SchemaMigrations
{
    // An arbitrary fixed key that names "QuantCluster schema migrations" among advisory locks.
    private const long LockKey = 0x5155_414E_544D_4731;

    private static readonly Migration[] All = [M001Bars.Migration, M002OptionalVolume.Migration];

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>Applies the migrations the database lacks; returns the versions it applied (none when up to date).</summary>
    public static Task<IReadOnlyList<int>> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ApplyAsync(connection, [], cancellationToken);

    /// <summary>
    /// As <see cref="ApplyAsync(NpgsqlConnection, CancellationToken)"/>, with another component's
    /// migrations (the cluster store's) applied after the bar store's under the same lock and record,
    /// so there is one runner. Their versions must not collide with the bar store's.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(
        NpgsqlConnection connection, IReadOnlyList<Migration> additional, CancellationToken cancellationToken)
    {
        var collision = additional.FirstOrDefault(a => All.Any(m => m.Version == a.Version));
        if (collision is not null)
        {
            throw new ArgumentException($"Migration {collision.Name} reuses version {collision.Version} of the bar store.", nameof(additional));
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", LockKey));
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var now = new List<int>();
        foreach (var migration in All.Concat(additional).Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
            await ExecuteAsync(
                connection, "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", cancellationToken,
                ("version", migration.Version), ("name", migration.Name));
            now.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken);
        return now;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
