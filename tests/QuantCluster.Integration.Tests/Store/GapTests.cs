using QuantCluster.Data.Postgres;
using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Store;

public sealed class GapTests
{
    [DatabaseFact]
    public async Task Minute_gaps_are_where_consecutive_bars_are_more_than_a_minute_apart()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var t = TestBars.Utc(2024, 3, 1, 10, 0);
        int[] minutes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, /* 10..14 missing */ 15, 16, 17, 18, 19, /* 20 missing */ 21, 22];
        await store.ImportAsync(TestBars.At("ES", [.. minutes.Select(m => t.AddMinutes(m))]), "1m", "test");

        var gaps = await store.GapsAsync("ES", "1m");

        Assert.Equal([new BarGap(t.AddMinutes(9), t.AddMinutes(15), 5), new BarGap(t.AddMinutes(19), t.AddMinutes(21), 1)], gaps);
    }

    [DatabaseFact]
    public async Task Gaps_are_measured_in_bars_of_the_timeframe()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        var t = TestBars.Utc(2024, 3, 1, 10, 0);
        int[] minutes = [0, 5, 10, 30, 35, 37];
        await store.ImportAsync(TestBars.At("ES", [.. minutes.Select(m => t.AddMinutes(m))]), "5m", "test");

        var gaps = await store.GapsAsync("ES", "5m");

        Assert.Equal([new BarGap(t.AddMinutes(10), t.AddMinutes(30), 3)], gaps);
    }

    [DatabaseFact]
    public async Task Daily_gaps_skip_weekends_but_report_missing_weekdays()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        // January 2024 starts on a Monday. Missing: Wed 10th, then Mon 15th and Tue 16th.
        int[] days = [1, 2, 3, 4, 5, /* weekend */ 8, 9, 11, 12, /* weekend */ 17, 18];
        await store.ImportAsync(TestBars.At("SPY", [.. days.Select(d => TestBars.Utc(2024, 1, d))]), "1d", "test");

        var gaps = await store.GapsAsync("SPY", "1d");

        Assert.Equal(
            [new BarGap(TestBars.Utc(2024, 1, 9), TestBars.Utc(2024, 1, 11), 1), new BarGap(TestBars.Utc(2024, 1, 12), TestBars.Utc(2024, 1, 17), 2)],
            gaps);
    }

    [DatabaseFact]
    public async Task Daily_bars_on_weekends_are_allowed_and_their_absence_is_no_gap()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        // Fri 5th, Sat 6th, Mon 8th, Sun 14th, Mon 15th: the weekend days come and go freely.
        int[] days = [5, 6, 8, 9, 10, 11, 12, 14, 15];
        await store.ImportAsync(TestBars.At("BTC", [.. days.Select(d => TestBars.Utc(2024, 1, d))]), "1d", "test");

        Assert.Empty(await store.GapsAsync("BTC", "1d"));
    }

    [DatabaseFact]
    public async Task Intraday_series_report_the_weekend_close_as_a_gap()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        // FX: Friday 5 January 2024 closes after the 21:00 bar and Sunday reopens at 22:00.
        DateTime[] hours = [TestBars.Utc(2024, 1, 5, 20), TestBars.Utc(2024, 1, 5, 21), TestBars.Utc(2024, 1, 7, 22), TestBars.Utc(2024, 1, 7, 23)];
        await store.ImportAsync(TestBars.At("EURUSD", hours), "1h", "test");

        var gaps = await store.GapsAsync("EURUSD", "1h");

        Assert.Equal([new BarGap(hours[1], hours[2], 48)], gaps);
    }

    [DatabaseFact]
    public async Task A_series_without_holes_or_not_stored_has_no_gaps()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        await store.ImportAsync(TestBars.Minutes("ES", TestBars.Utc(2024, 3, 1), 500), "1m", "test");

        Assert.Empty(await store.GapsAsync("ES", "1m"));
        Assert.Empty(await store.GapsAsync("NQ", "1m"));
    }
}
