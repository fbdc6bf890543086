using QuantCluster.Data;
using QuantCluster.Engine.Bars;
using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Store;

public sealed class ReimportTests
{
    [DatabaseFact]
    public async Task Reimporting_an_overlapping_range_neither_duplicates_nor_loses_bars()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var all = TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1), 1000);

        await store.ImportAsync(all.Slice(0, 600), "1m", "first.csv");
        var second = await store.ImportAsync(all.Slice(400, 600), "1m", "second.csv");

        Assert.Equal((400, 0, 200), (second.Inserted, second.Replaced, second.Unchanged));
        Assert.Equal(1000, await TableDump.CountBarsAsync(db));
        BarAssert.Identical(all, await store.ReadAsync("ES", "1m"));
        var coverage = Assert.Single(await store.CoverageAsync());
        Assert.Equal((1000L, "second.csv"), (coverage.BarCount, coverage.Source));
        Assert.Equal((TestBars.Utc(2024, 3, 1), TestBars.Utc(2024, 3, 1).AddMinutes(999)), (coverage.FirstBar, coverage.LastBar));
    }

    [DatabaseFact]
    public async Task Importing_a_range_before_the_stored_one_widens_the_coverage()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var all = TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1), 300);

        await store.ImportAsync(all.Slice(200, 100), "1m", "late");
        await store.ImportAsync(all.Slice(0, 100), "1m", "early");

        var coverage = Assert.Single(await store.CoverageAsync());
        Assert.Equal((200L, TestBars.Utc(2024, 3, 1), TestBars.Utc(2024, 3, 1).AddMinutes(299)), (coverage.BarCount, coverage.FirstBar, coverage.LastBar));
    }

    [DatabaseFact]
    public async Task Reimporting_the_same_file_leaves_every_bar_unchanged()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var goog = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));
        await store.ImportAsync(goog, "1d", "GOOG.csv");

        var again = await store.ImportAsync(goog, "1d", "GOOG.csv");

        Assert.Equal((0, 0, 2148), (again.Inserted, again.Replaced, again.Unchanged));
        Assert.Equal(2148, Assert.Single(await store.CoverageAsync()).BarCount);
    }

    [DatabaseFact]
    public async Task An_overlapping_bar_with_different_values_is_replaced_by_the_latest_import()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var start = TestBars.Utc(2024, 3, 1);
        var original = TestBars.Minutes("ES", start, 100, firstPrice: 100);
        var corrected = TestBars.Minutes("ES", start.AddMinutes(90), 20, firstPrice: 200);
        await store.ImportAsync(original, "1m", "original");

        var result = await store.ImportAsync(corrected, "1m", "corrected");

        Assert.Equal((10, 10, 0), (result.Inserted, result.Replaced, result.Unchanged));
        var read = await store.ReadAsync("ES", "1m");
        BarAssert.Identical(original.Slice(0, 90), read.Slice(0, 90));
        BarAssert.Identical(corrected, read.Slice(90, 20));
        Assert.Equal(110, Assert.Single(await store.CoverageAsync()).BarCount);
    }

    [DatabaseFact]
    public async Task Two_imports_of_one_series_at_once_store_each_bar_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var all = RandomWalkBars.Generate(60_000, new Random(3), "ES");

        var results = await Task.WhenAll(
            Task.Run(() => store.ImportAsync(all.Slice(0, 40_000), "1m", "a")),
            Task.Run(() => store.ImportAsync(all.Slice(20_000, 40_000), "1m", "b")));

        Assert.Equal(60_000, results.Sum(r => r.Inserted));
        Assert.Equal(20_000, results.Sum(r => r.Unchanged));
        Assert.Equal(60_000, Assert.Single(await store.CoverageAsync()).BarCount);
        BarAssert.Identical(all, await store.ReadAsync("ES", "1m"));
    }
}
