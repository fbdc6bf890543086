using QuantCluster.Data;
using QuantCluster.Data.Postgres;
using QuantCluster.Engine.Bars;
using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Store;

public sealed class RefusedImportTests
{
    public static TheoryData<string, string> BadRows => new()
    {
        { "nan", "close is NaN" },
        { "unsorted", "is before the previous row's" },
        { "high-below-close", "is below close" },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadRows))]
    public async Task A_series_with_a_bad_bar_in_the_middle_is_refused_whole_and_the_database_is_unchanged(string defect, string reason)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var goog = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));
        await store.ImportAsync(goog.Slice(0, 1000), "1d", "GOOG.csv");
        var before = await TableDump.TakeAsync(db);

        var bad = WithDefect(goog, row: 1500, defect);
        var error = await Assert.ThrowsAsync<BarDataException>(() => store.ImportAsync(bad, "1d", "bad.csv"));

        Assert.Contains("row 1501", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await TableDump.TakeAsync(db));
    }

    [DatabaseFact]
    public async Task An_import_whose_connection_is_killed_during_the_upload_stores_nothing_and_names_the_server()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var bars = RandomWalkBars.Generate(300_000, new Random(11), "ES");
        await store.ImportAsync(bars.Slice(0, 1000), "1m", "first");
        var before = await TableDump.TakeAsync(db);
        int killed = 0;

        var error = await Assert.ThrowsAsync<BarStoreException>(() => store.ImportAsync(bars, "1m", "second", new InlineProgress(_ =>
        {
            if (killed == 0)
            {
                killed = BackendKiller.Kill(db, "COPY bar_import%");
            }
        })));

        Assert.Equal(1, killed);
        Assert.Contains(ServerName(db), error.Message, StringComparison.Ordinal);
        Assert.Contains("importing ES 1m failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await TableDump.TakeAsync(db));
    }

    [DatabaseTheory]
    [InlineData(0)] // overlapping the stored bars: merged with ON CONFLICT
    [InlineData(1000)] // after the stored bars: a plain insert
    public async Task An_import_killed_after_writing_its_bars_but_before_committing_stores_none_of_them(int secondFrom)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var bars = TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1), 5000);
        await store.ImportAsync(bars.Slice(0, 1000), "1m", "first");
        var before = await TableDump.TakeAsync(db);

        // Hold the coverage table so the import merges its bars and then waits, inside its transaction.
        await using var holder = await db.ConnectAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockCoverage = new Npgsql.NpgsqlCommand("LOCK TABLE bar_coverage IN SHARE MODE", holder, hold))
        {
            await lockCoverage.ExecuteNonQueryAsync();
        }

        var import = store.ImportAsync(bars.Slice(secondFrom, 5000 - secondFrom), "1m", "second");
        await BackendKiller.WaitUntilBlockedAsync(db, "INSERT INTO bar_coverage%");
        Assert.Equal(1, BackendKiller.Kill(db, "INSERT INTO bar_coverage%"));
        var error = await Assert.ThrowsAsync<BarStoreException>(() => import);
        await hold.CommitAsync();

        Assert.Contains("nothing was stored", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await TableDump.TakeAsync(db));
    }

    [DatabaseFact]
    public async Task A_cancelled_import_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var bars = RandomWalkBars.Generate(300_000, new Random(5), "ES");
        await store.ImportAsync(bars.Slice(0, 1000), "1m", "first");
        var before = await TableDump.TakeAsync(db);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.ImportAsync(bars, "1m", "second", new InlineProgress(_ => cancel.Cancel()), cancel.Token));

        Assert.Equal(before, await TableDump.TakeAsync(db));
    }

    [DatabaseFact]
    public async Task An_empty_series_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var empty = new BarSeries("ES", [], [], [], [], [], []);

        var error = await Assert.ThrowsAsync<BarDataException>(() => store.ImportAsync(empty, "1m", "none"));

        Assert.Contains("no bars to import", error.Message, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task An_unknown_timeframe_is_refused_with_the_forms_it_takes()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.ImportAsync(TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1), 5), "1M", "test"));

        Assert.Contains("'1M' is not a timeframe", error.Message, StringComparison.Ordinal);
    }

    private static string ServerName(TestDatabase db)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString);
        return $"{settings.Host}:{settings.Port}";
    }

    private static BarSeries WithDefect(BarSeries bars, int row, string defect)
    {
        long[] ts = (long[])bars.Timestamps.Clone();
        double[] high = (double[])bars.High.Clone(), close = (double[])bars.Close.Clone();
        switch (defect)
        {
            case "nan":
                close[row] = double.NaN;
                break;
            case "unsorted":
                (ts[row], ts[row - 1]) = (ts[row - 1], ts[row]);
                break;
            default:
                high[row] = close[row] - 1;
                break;
        }

        return new BarSeries(bars.Symbol, ts, bars.Open, high, bars.Low, close, bars.Volume);
    }
}
