using QuantCluster.Data;
using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Cli;

public sealed class ImportCommandTests
{
    private static readonly string Goog = RepositoryPaths.MarketFile("GOOG.csv");

    [DatabaseFact]
    public async Task Import_prints_how_many_bars_were_inserted_replaced_and_unchanged()
    {
        await using var db = await TestDatabase.CreateAsync();

        var first = await QuantProcess.RunAsync("data", "import", Goog, "--symbol", "GOOG", "--timeframe", "1d", "--db", db.ConnectionString);
        var again = await QuantProcess.RunAsync("data", "import", Goog, "--symbol", "GOOG", "--timeframe", "1d", "--db", db.ConnectionString, "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("Imported GOOG 1d from GOOG.csv: 2,148 bars, 2,148 inserted, 0 replaced, 0 unchanged.", first.Output.Trim());
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(
            """{"symbol":"GOOG","timeframe":"1d","source":"GOOG.csv","bars":2148,"inserted":0,"replaced":0,"unchanged":2148}""",
            again.Output.Trim());
        await using var store = await db.OpenStoreAsync();
        BarAssert.Identical(BarFiles.Read(Goog), await store.ReadAsync("GOOG", "1d"));
    }

    [DatabaseFact]
    public async Task Import_stores_the_bars_under_the_symbol_given()
    {
        await using var db = await TestDatabase.CreateAsync();

        var run = await QuantProcess.RunAsync("data", "import", Goog, "--symbol", "GOOGL", "--timeframe", "1d", "--db", db.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        await using var store = await db.OpenStoreAsync();
        Assert.Equal("GOOGL", Assert.Single(await store.CoverageAsync()).Symbol);
    }

    [DatabaseFact]
    public async Task Import_takes_the_database_from_QUANT_DB_when_no_db_is_given()
    {
        await using var db = await TestDatabase.CreateAsync();

        var run = await QuantProcess.RunWithQuantDbAsync(db.ConnectionString, "data", "import", Goog, "--symbol", "GOOG", "--timeframe", "1d");

        Assert.Equal(0, run.ExitCode);
        await using var store = await db.OpenStoreAsync();
        Assert.Equal(2148, Assert.Single(await store.CoverageAsync()).BarCount);
    }

    [DatabaseFact]
    public async Task Importing_a_file_with_a_bad_row_exits_2_naming_the_line_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var folder = new TempFolder();
        string bad = folder.File("bad.csv");
        File.WriteAllLines(bad, [
            "ts,open,high,low,close,volume",
            "2024-01-02,10,11,9,10.5,100",
            "2024-01-03,10.5,11,10,10.8,100",
            "2024-01-04,10.8,10.9,10,11.2,100",
            "2024-01-05,11.2,12,11,11.5,100",
        ]);
        await QuantProcess.RunAsync("data", "import", Goog, "--symbol", "GOOG", "--timeframe", "1d", "--db", db.ConnectionString);
        var before = await TableDump.TakeAsync(db);

        var run = await QuantProcess.RunAsync("data", "import", bad, "--symbol", "GOOG", "--timeframe", "1d", "--db", db.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: bad.csv line 4: high 10.9 is below close 11.2", run.Error.Trim());
        Assert.Equal(before, await TableDump.TakeAsync(db));
    }

    [Fact]
    public async Task Import_without_a_database_exits_2_saying_how_to_give_one()
    {
        var run = await QuantProcess.RunAsync("data", "import", Goog, "--symbol", "GOOG", "--timeframe", "1d");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(
            "error: no database given: pass --db \"Host=localhost;Username=quant;Database=quant\" " +
            "or export QUANT_DB=\"Host=localhost;Username=quant;Database=quant\"",
            run.Error.Trim());
    }

    [Fact]
    public async Task Import_to_a_closed_port_exits_1_naming_the_server_and_the_cause()
    {
        int port = ClosedPort.Find();

        var run = await QuantProcess.RunAsync(
            "data", "import", Goog, "--symbol", "GOOG", "--timeframe", "1d", "--db", $"Host=127.0.0.1;Port={port};Username=quant;Database=bars");

        // A database that cannot be reached is not bad input: the command may work as given later.
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: PostgreSQL at 127.0.0.1:{port} (database bars): opening the bar store failed: Connection refused", run.Error.Trim());
    }

    [Fact]
    public async Task A_password_in_the_db_option_is_refused_before_connecting()
    {
        var run = await QuantProcess.RunAsync(
            "data", "coverage", "--db", "Host=127.0.0.1;Username=quant;Password=hunter2;Database=bars");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --db holds a password", run.Error, StringComparison.Ordinal);
        Assert.Contains("PGPASSWORD", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_timeframe_exits_2_with_the_forms_it_takes()
    {
        var run = await QuantProcess.RunAsync("data", "import", Goog, "--symbol", "GOOG", "--timeframe", "daily", "--db", "Host=127.0.0.1;Database=x");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: 'daily' is not a timeframe: give a count and a unit, e.g. 1m, 5m, 1h or 1d", run.Error, StringComparison.Ordinal);
    }
}
