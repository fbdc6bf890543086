using QuantCluster.Data;
using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Store;

public sealed class CoverageTests
{
    [DatabaseFact]
    public async Task Coverage_lists_each_series_with_its_first_and_last_bar_count_and_source()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var before = DateTime.UtcNow.AddSeconds(-5);
        await store.ImportAsync(BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv")), "1d", "GOOG.csv");
        await store.ImportAsync(BarFiles.Read(RepositoryPaths.MarketFile("EURUSD.csv")), "1h", "EURUSD.csv");

        var coverage = await store.CoverageAsync();

        Assert.Equal(["EURUSD", "GOOG"], coverage.Select(c => c.Symbol));
        var goog = coverage[1];
        Assert.Equal(("1d", 2148L, "GOOG.csv"), (goog.Timeframe, goog.BarCount, goog.Source));
        Assert.Equal((TestBars.Utc(2004, 8, 19), TestBars.Utc(2013, 3, 1)), (goog.FirstBar, goog.LastBar));
        Assert.InRange(goog.UpdatedAt, before, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(("1h", 5000L), (coverage[0].Timeframe, coverage[0].BarCount));
    }

    [DatabaseFact]
    public async Task Coverage_of_one_symbol_lists_only_its_series()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        await store.ImportAsync(TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1), 10), "1m", "a");
        await store.ImportAsync(TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1), 10), "5m", "b");
        await store.ImportAsync(TestBars.Minutes("NQ", TestBars.Utc(2024, 3, 1), 10), "1m", "c");

        var coverage = await store.CoverageAsync("ES");

        Assert.Equal([("ES", "1m"), ("ES", "5m")], coverage.Select(c => (c.Symbol, c.Timeframe)));
    }

    [DatabaseFact]
    public async Task An_empty_store_has_no_coverage()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();

        Assert.Empty(await store.CoverageAsync());
    }
}
