using Npgsql;
using QuantCluster.Contracts;
using QuantCluster.Data.Postgres.Migrations;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Store.Postgres;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Store;

/// <summary>The cluster tables as PostgreSQL holds them, and what several silos on one database see.</summary>
[UsesTestServer]
public sealed class PostgresClusterSchemaTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [StoreFact]
    public async Task Opening_applies_the_bar_and_cluster_migrations_through_one_record_once_each()
    {
        await (await PostgresClusterStore.OpenAsync(_database.ConnectionString, TimeProvider.System)).DisposeAsync();
        await (await PostgresClusterStore.OpenAsync(_database.ConnectionString, TimeProvider.System)).DisposeAsync();

        Assert.Equal("1:001_bars,1001:1001_cluster", await _database.QueryScalarAsync<string>(
            "SELECT string_agg(version || ':' || name, ',' ORDER BY version) FROM schema_migrations"));
    }

    [StoreFact]
    public async Task Silos_opening_at_once_on_an_empty_database_apply_the_cluster_migration_exactly_once()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => PostgresClusterStore.OpenAsync(_database.ConnectionString, TimeProvider.System))));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal(2L, await _database.QueryScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [StoreFact]
    public async Task The_queue_table_is_vacuumed_after_one_percent_of_its_rows_are_dead()
    {
        await (await PostgresClusterStore.OpenAsync(_database.ConnectionString, TimeProvider.System)).DisposeAsync();

        string options = await _database.QueryScalarAsync<string>(
            "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'work_items'");

        Assert.Contains("autovacuum_vacuum_scale_factor=0.01", options, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task The_schema_itself_refuses_a_second_copy_of_a_result()
    {
        await using var store = await PostgresClusterStore.OpenAsync(_database.ConnectionString, TimeProvider.System);
        var job = await store.CreateJobAsync(SampleJobs.Spec());
        await store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(1));
        var item = (await store.ClaimWorkItemsAsync("silo-a", 1, TimeSpan.FromMinutes(1)))[0];
        await store.CompleteWorkItemAsync(item, SampleJobs.Results(item));
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var copy = new NpgsqlCommand(
            "INSERT INTO results SELECT job_id, item_index, ordinal, parameters, metrics FROM results", connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => copy.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [StoreFact]
    public async Task A_completion_that_dies_midway_through_its_upload_stores_nothing_and_leaves_the_item_to_its_claim()
    {
        await using var store = await PostgresClusterStore.OpenAsync(_database.ConnectionString, TimeProvider.System);
        var job = await store.CreateJobAsync(SampleJobs.Spec());
        await store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(1));
        var item = (await store.ClaimWorkItemsAsync("silo-a", 1, TimeSpan.FromMinutes(1)))[0];
        var good = SampleJobs.Results(item);
        EvaluationResult[] dying = [.. Enumerable.Repeat(good[0], 5000), good[1] with { Parameters = new ExplodingParameters() }];

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CompleteWorkItemAsync(item, dying));

        Assert.Empty(await store.ReadResultsAsync(job.JobId));
        Assert.Equal(new WorkItemCounts(0, 1, 0, 0), await store.CountWorkItemsAsync(job.JobId));
        Assert.Equal(CompletionOutcome.Completed, await store.CompleteWorkItemAsync(item, good));
        Assert.Equal(2, (await store.ReadResultsAsync(job.JobId)).Count);
    }

    [StoreFact]
    public async Task Another_components_migration_may_not_reuse_a_bar_store_version()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => SchemaMigrations.ApplyAsync(connection, [new Migration(1, "001_clash", "SELECT 1")], CancellationToken.None));

        Assert.Contains("001_clash reuses version 1", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Silos_with_stores_of_their_own_on_one_database_never_claim_the_same_item()
    {
        var stores = new List<PostgresClusterStore>();
        for (int i = 0; i < 4; i++)
        {
            stores.Add(await PostgresClusterStore.OpenAsync(_database.ConnectionString, TimeProvider.System));
        }

        var job = await stores[0].CreateJobAsync(SampleJobs.Spec());
        await stores[0].AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(300));

        var claims = await Task.WhenAll(stores.Select((store, silo) => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (await store.ClaimWorkItemsAsync($"silo-{silo}", 5, TimeSpan.FromMinutes(1)) is { Count: > 0 } claimed)
            {
                foreach (var item in claimed)
                {
                    mine.Add(item.ItemIndex);
                    Assert.Equal(CompletionOutcome.Completed, await store.CompleteWorkItemAsync(item, SampleJobs.Results(item)));
                }
            }

            return mine;
        })));

        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), claims.SelectMany(c => c).Order());
        Assert.Equal(new WorkItemCounts(0, 0, 300, 0), await stores[0].CountWorkItemsAsync(job.JobId));
        Assert.Equal(600, (await stores[0].ReadResultsAsync(job.JobId)).Count);
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }
}
