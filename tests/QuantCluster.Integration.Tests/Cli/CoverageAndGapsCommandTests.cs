using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Cli;

public sealed class CoverageAndGapsCommandTests
{
    [DatabaseFact]
    public async Task Coverage_json_lists_every_imported_series()
    {
        await using var db = await TestDatabase.CreateAsync();
        await QuantProcess.RunAsync("data", "import", RepositoryPaths.MarketFile("GOOG.csv"), "--symbol", "GOOG", "--timeframe", "1d", "--db", db.ConnectionString);
        await QuantProcess.RunAsync("data", "import", RepositoryPaths.MarketFile("EURUSD.csv"), "--symbol", "EURUSD", "--timeframe", "1h", "--db", db.ConnectionString);

        var run = await QuantProcess.RunAsync("data", "coverage", "--db", db.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        var series = run.Json["coverage"]!.AsArray();
        Assert.Equal(2, series.Count);
        var goog = series[1]!;
        Assert.Equal(("GOOG", "1d", 2148), ((string?)goog["symbol"], (string?)goog["timeframe"], (int)goog["bars"]!));
        Assert.Equal(("2004-08-19T00:00:00Z", "2013-03-01T00:00:00Z"), ((string?)goog["first_bar"], (string?)goog["last_bar"]));
        Assert.Equal("GOOG.csv", (string?)goog["source"]);
        Assert.Equal(("EURUSD", 5000), ((string?)series[0]!["symbol"], (int)series[0]!["bars"]!));
    }

    [DatabaseFact]
    public async Task Coverage_of_an_empty_store_says_how_to_fill_it()
    {
        await using var db = await TestDatabase.CreateAsync();

        var run = await QuantProcess.RunAsync("data", "coverage", "--db", db.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("quant data import", run.Output, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Gaps_json_lists_each_hole_with_the_bars_missing()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var folder = new TempFolder();
        string file = folder.File("es.csv");
        File.WriteAllLines(file, [
            "ts,open,high,low,close,volume",
            .. new[] { 0, 1, 2, 6, 7, 9 }.Select(m => $"2024-03-01T10:0{m}:00Z,10,11,9,10.5,100"),
        ]);
        await QuantProcess.RunAsync("data", "import", file, "--symbol", "ES", "--timeframe", "1m", "--db", db.ConnectionString);

        var run = await QuantProcess.RunAsync("data", "gaps", "--symbol", "ES", "--timeframe", "1m", "--db", db.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """{"symbol":"ES","timeframe":"1m","bars":6,"missing_bars":4,"gaps":[""" +
            """{"last_bar_before":"2024-03-01T10:02:00Z","first_bar_after":"2024-03-01T10:06:00Z","missing_bars":3},""" +
            """{"last_bar_before":"2024-03-01T10:07:00Z","first_bar_after":"2024-03-01T10:09:00Z","missing_bars":1}]}""",
            run.Output.Trim());
    }

    [DatabaseFact]
    public async Task Gaps_of_daily_bars_do_not_count_weekends()
    {
        await using var db = await TestDatabase.CreateAsync();
        await QuantProcess.RunAsync("data", "import", RepositoryPaths.MarketFile("GOOG.csv"), "--symbol", "GOOG", "--timeframe", "1d", "--db", db.ConnectionString);

        var run = await QuantProcess.RunAsync("data", "gaps", "--symbol", "GOOG", "--timeframe", "1d", "--db", db.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        var gaps = run.Json["gaps"]!.AsArray();
        Assert.NotEmpty(gaps);
        // Every gap GOOG has is a market holiday or two: none is a bare weekend.
        Assert.All(gaps, g => Assert.InRange((int)g!["missing_bars"]!, 1, 2));
        Assert.Contains(gaps, g => (string?)g!["last_bar_before"] == "2004-12-23T00:00:00Z" && (string?)g!["first_bar_after"] == "2004-12-27T00:00:00Z");
    }

    [DatabaseFact]
    public async Task Gaps_of_a_series_that_is_not_stored_exit_2()
    {
        await using var db = await TestDatabase.CreateAsync();

        var run = await QuantProcess.RunAsync("data", "gaps", "--symbol", "NOPE", "--timeframe", "1d", "--db", db.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: no NOPE 1d bars are stored; `quant data coverage` lists what is", run.Error.Trim());
    }
}
