using QuantCluster.Data;
using QuantCluster.Engine.Bars;
using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Store;

public sealed class ImportAndReadTests
{
    [DatabaseTheory]
    [InlineData("GOOG.csv", "1d", 2148)]
    [InlineData("EURUSD.csv", "1h", 5000)]
    public async Task Market_bars_read_back_exactly_as_imported(string file, string timeframe, int count)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var bars = BarFiles.Read(RepositoryPaths.MarketFile(file));

        var result = await store.ImportAsync(bars, timeframe, file);
        var read = await store.ReadAsync(bars.Symbol, timeframe);

        Assert.Equal((count, 0, 0), (result.Inserted, result.Replaced, result.Unchanged));
        Assert.Equal(bars.Symbol, read.Symbol);
        BarAssert.Identical(bars, read);
    }

    [DatabaseFact]
    public async Task Bars_without_volume_are_stored_as_NULL_read_back_unchanged_and_reimported_as_unchanged()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var bars = TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1, 9, 30), 50);
        for (var i = 3; i < bars.Count; i += 7)
        {
            bars.Volume[i] = double.NaN;
        }

        await store.ImportAsync(bars, "1m", "test");
        var read = await store.ReadAsync("ES", "1m");
        var again = await store.ImportAsync(bars, "1m", "test");

        BarAssert.Identical(bars, read);
        Assert.Equal(bars.Volume.LongCount(double.IsNaN), await db.QueryScalarAsync<long>("SELECT count(*) FROM bars WHERE volume IS NULL"));
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM bars WHERE volume = 'NaN'"));
        Assert.Equal((0, 0, bars.Count), (again.Inserted, again.Replaced, again.Unchanged));
    }

    [DatabaseFact]
    public async Task Reading_a_time_range_returns_the_bars_inside_it_with_both_ends_included()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var bars = TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1, 9, 30), 60);
        await store.ImportAsync(bars, "1m", "test");

        var read = await store.ReadAsync("ES", "1m", TestBars.Utc(2024, 3, 1, 9, 40), TestBars.Utc(2024, 3, 1, 9, 49));
        var fromOnly = await store.ReadAsync("ES", "1m", from: TestBars.Utc(2024, 3, 1, 10, 20));

        BarAssert.Identical(bars.Slice(10, 10), read);
        BarAssert.Identical(bars.Slice(50, 10), fromOnly);
    }

    [DatabaseFact]
    public async Task Series_of_other_symbols_and_timeframes_are_kept_apart()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var start = TestBars.Utc(2024, 3, 1);
        var es1m = TestBars.Minutes("ES", start, 30, firstPrice: 100);
        var es5m = TestBars.At("ES", [.. Enumerable.Range(0, 6).Select(i => start.AddMinutes(5 * i))], firstPrice: 500);
        var nq1m = TestBars.Minutes("NQ", start, 30, firstPrice: 900);

        await store.ImportAsync(es1m, "1m", "a");
        await store.ImportAsync(es5m, "5m", "b");
        await store.ImportAsync(nq1m, "1m", "c");

        BarAssert.Identical(es1m, await store.ReadAsync("ES", "1m"));
        BarAssert.Identical(es5m, await store.ReadAsync("ES", "5m"));
        BarAssert.Identical(nq1m, await store.ReadAsync("NQ", "1m"));
        Assert.Equal(0, (await store.ReadAsync("ES", "1h")).Count);
        Assert.Equal(0, (await store.ReadAsync("es", "1m")).Count);
    }

    [DatabaseFact]
    public async Task A_timeframe_is_stored_in_its_canonical_form()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var bars = TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1), 5);

        await store.ImportAsync(bars, "01m", "test");

        Assert.Equal("1m", Assert.Single(await store.CoverageAsync()).Timeframe);
        BarAssert.Identical(bars, await store.ReadAsync("ES", "1m"));
    }

    [DatabaseFact]
    public async Task A_large_import_reports_progress_that_rises_to_the_bar_count()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var bars = RandomWalkBars.Generate(200_000, new Random(7));
        var reports = new List<long>();

        await store.ImportAsync(bars, "1m", "generated", new InlineProgress(reports.Add));

        Assert.True(reports.Count >= 3, $"only {reports.Count} progress reports");
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(bars.Count, reports[^1]);
        BarAssert.Identical(bars, await store.ReadAsync(bars.Symbol, "1m"));
    }
}
