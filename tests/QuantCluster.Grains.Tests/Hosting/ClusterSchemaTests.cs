using Npgsql;
using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Tests.Support;
using QuantCluster.Tests.Shared;

namespace QuantCluster.Grains.Tests.Hosting;

/// <summary>
/// One call brings a database to everything the cluster needs, Orleans' tables included, however many
/// silos make it at once; and the Orleans scripts it applies are Orleans' own, unchanged.
/// </summary>
[UsesTestServer]
public sealed class ClusterSchemaTests
{
    // Ours and Orleans', in the order the runner applies them after the bar store's (version 1).
    private static readonly int[] Versions = [1, 2, 1002, 1003, 1004, 2001, 2002, 2003, 2004];

    private static readonly string[] OrleansScripts =
        ["PostgreSQL-Main.sql", "PostgreSQL-Clustering.sql", "PostgreSQL-Persistence.sql", "PostgreSQL-Reminders.sql"];

    [StoreFact]
    public async Task A_fresh_database_gets_the_results_tables_and_Orleans_tables_and_queries()
    {
        await using var database = await TestDatabase.CreateAsync();

        Assert.Equal(Versions, await ClusterSchema.ApplyAsync(database.ConnectionString));

        foreach (string table in (string[])[
            "sweep_result_items", "sweep_results", "api_tokens", "api_job_owners", "orleansquery", "orleansmembershiptable", "orleansmembershipversiontable",
            "orleansstorage", "orleansreminderstable"])
        {
            Assert.True(await TableExistsAsync(database, table), $"{table} is missing");
        }

        // One query of each script, by the keys Orleans' providers look up.
        Assert.Equal(4L, await database.QueryScalarAsync<long>("""
            SELECT count(*) FROM orleansquery
            WHERE querykey IN ('MembershipReadAllKey', 'WriteToStorageKey', 'UpsertReminderRowKey', 'CleanupDefunctSiloEntriesKey')
              AND length(querytext) > 0
            """));
    }

    [StoreFact]
    public async Task Applying_again_applies_nothing_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ClusterSchema.ApplyAsync(database.ConnectionString);
        long queries = await database.QueryScalarAsync<long>("SELECT count(*) FROM orleansquery");

        Assert.Empty(await ClusterSchema.ApplyAsync(database.ConnectionString));
        Assert.Equal(queries, await database.QueryScalarAsync<long>("SELECT count(*) FROM orleansquery"));
    }

    [StoreFact]
    public async Task Five_silos_applying_at_once_all_succeed_and_each_version_is_applied_once()
    {
        await using var database = await TestDatabase.CreateAsync();

        var applied = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => ClusterSchema.ApplyAsync(database.ConnectionString))));

        Assert.Equal(Versions, applied.SelectMany(versions => versions).Order());
        Assert.Single(applied, versions => versions.Count > 0);
        Assert.Equal(Versions.Length, (int)await database.QueryScalarAsync<long>("SELECT count(DISTINCT version) FROM schema_migrations"));
        Assert.Equal(Versions.Length, (int)await database.QueryScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [StoreFact]
    public async Task The_home_made_runtimes_tables_are_dropped_and_the_old_results_kept()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var connection = await database.ConnectAsync())
        await using (var command = new NpgsqlCommand("""
            CREATE TABLE silos (silo_id text PRIMARY KEY);
            CREATE TABLE jobs (job_id uuid PRIMARY KEY);
            CREATE TABLE work_items (job_id uuid REFERENCES jobs, item_index bigint, PRIMARY KEY (job_id, item_index));
            CREATE TABLE results (job_id uuid, item_index bigint, FOREIGN KEY (job_id, item_index) REFERENCES work_items);
            INSERT INTO results VALUES (NULL, NULL);
            """, connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        await ClusterSchema.ApplyAsync(database.ConnectionString);

        Assert.False(await TableExistsAsync(database, "work_items"));
        Assert.False(await TableExistsAsync(database, "jobs"));
        Assert.False(await TableExistsAsync(database, "silos"));
        Assert.Equal(1L, await database.QueryScalarAsync<long>("SELECT count(*) FROM results"));
    }

    [Fact]
    public async Task An_unreachable_server_fails_naming_it_and_not_the_password()
    {
        int port = ClosedPort.Find();

        var error = await Assert.ThrowsAsync<ClusterSchemaException>(() => ClusterSchema.ApplyAsync(
            $"Host=127.0.0.1;Port={port};Username=quant;Password=hunter2;Database=cluster;Timeout=5"));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{port} (database cluster): bringing the cluster's schema up to date failed:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_Orleans_scripts_are_byte_for_byte_the_shared_originals()
    {
        foreach (string script in OrleansScripts)
        {
            await using var embedded = typeof(ClusterSchema).Assembly.GetManifestResourceStream("QuantCluster.Grains.Hosting.OrleansSql." + script);
            Assert.NotNull(embedded);
            using var bytes = new MemoryStream();
            await embedded.CopyToAsync(bytes);

            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(SharedOrleansSql, script)), bytes.ToArray());
        }
    }

    [Fact]
    public async Task The_shipped_copies_and_their_licence_are_byte_for_byte_the_shared_originals()
    {
        foreach (string file in (string[])[.. OrleansScripts, "LICENSE", "SOURCE.md"])
        {
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(SharedOrleansSql, file)),
                await File.ReadAllBytesAsync(Path.Combine(ShippedOrleansSql, file)));
        }
    }

    // RepositoryPaths knows <clone>/../shared/data and <clone>/eng; Orleans' scripts sit beside the first, our copies under the clone.
    private static string SharedOrleansSql => Path.GetFullPath(Path.Combine(RepositoryPaths.MarketDirectory, "..", "..", "orleans-sql"));

    private static string ShippedOrleansSql =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryPaths.PostgresScript)!, "..", "grains", "Hosting", "OrleansSql"));

    private static async Task<bool> TableExistsAsync(TestDatabase database, string table)
    {
        await using var connection = await database.ConnectAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass('public.' || @table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
