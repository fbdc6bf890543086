using Npgsql;
using QuantCluster.Data.Postgres.Migrations;
using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Store;

public sealed class MigrationTests
{
    [DatabaseFact]
    public async Task Opening_a_store_twice_applies_each_migration_once_and_leaves_the_record_alone()
    {
        await using var db = await TestDatabase.CreateAsync();
        await (await db.OpenStoreAsync()).DisposeAsync();
        var first = await RecordsAsync(db);

        await (await db.OpenStoreAsync()).DisposeAsync();

        Assert.Equal([(1, "001_bars"), (2, "002_optional_volume")], first.Select(r => (r.Version, r.Name)));
        Assert.Equal(first, await RecordsAsync(db));
    }

    [DatabaseFact]
    public async Task Applying_migrations_to_an_up_to_date_database_applies_none()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.ConnectAsync();

        var applied = await SchemaMigrations.ApplyAsync(connection, CancellationToken.None);
        var again = await SchemaMigrations.ApplyAsync(connection, CancellationToken.None);

        Assert.Equal([1, 2], applied);
        Assert.Empty(again);
        Assert.Equal(SchemaMigrations.LatestVersion, applied[^1]);
    }

    [DatabaseFact]
    public async Task Stores_opening_at_once_on_an_empty_database_apply_each_migration_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(db.OpenStoreAsync)));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal([1, 2], (await RecordsAsync(db)).Select(r => r.Version));
    }

    [DatabaseFact]
    public async Task The_migration_scripts_run_again_harmlessly_when_their_record_is_lost()
    {
        await using var db = await TestDatabase.CreateAsync();
        await (await db.OpenStoreAsync()).DisposeAsync();
        await using (var connection = await db.ConnectAsync())
        await using (var forget = new NpgsqlCommand("DELETE FROM schema_migrations", connection))
        {
            await forget.ExecuteNonQueryAsync();
        }

        await (await db.OpenStoreAsync()).DisposeAsync();

        Assert.Equal([1, 2], (await RecordsAsync(db)).Select(r => r.Version));
    }

    [DatabaseFact]
    public async Task The_schema_itself_refuses_a_bar_whose_high_is_below_its_close()
    {
        await using var db = await TestDatabase.CreateAsync();
        await (await db.OpenStoreAsync()).DisposeAsync();
        await using var connection = await db.ConnectAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO bars VALUES ('ES', '1m', '2024-03-01T10:00:00Z', 10, 10.5, 9, 11, 100)", connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(("23514", "bars_ohlcv_consistent"), (error.SqlState, error.ConstraintName));
    }

    [DatabaseFact]
    public async Task A_database_made_before_volume_was_optional_takes_bars_without_volume_after_the_upgrade()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var connection = await db.ConnectAsync())
        {
            var applied = await SchemaMigrations.ApplyAsync(connection, CancellationToken.None);
            Assert.Equal([1, 2], applied);
            await using var downgrade = new NpgsqlCommand(
                "ALTER TABLE bars ALTER COLUMN volume SET NOT NULL; DELETE FROM schema_migrations WHERE version = 2", connection);
            await downgrade.ExecuteNonQueryAsync();
        }

        await using var store = await db.OpenStoreAsync();
        var bars = TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1), 3);
        bars.Volume[1] = double.NaN;
        await store.ImportAsync(bars, "1m", "test");

        Assert.Equal([1, 2], (await RecordsAsync(db)).Select(r => r.Version));
        Assert.Equal(1L, await db.QueryScalarAsync<long>("SELECT count(*) FROM bars WHERE volume IS NULL"));
    }

    private static async Task<List<(int Version, string Name, DateTime AppliedAt)>> RecordsAsync(TestDatabase db)
    {
        await using var connection = await db.ConnectAsync();
        await using var command = new NpgsqlCommand("SELECT version, name, applied_at FROM schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<(int, string, DateTime)>();
        while (await reader.ReadAsync())
        {
            records.Add((reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTime>(2)));
        }

        return records;
    }
}
