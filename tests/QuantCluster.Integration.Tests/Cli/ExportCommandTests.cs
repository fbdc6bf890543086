using QuantCluster.Data;
using QuantCluster.Data.Csv;
using QuantCluster.Data.Parquet;
using QuantCluster.Engine.Bars;
using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Cli;

public sealed class ExportCommandTests
{
    [DatabaseTheory]
    [InlineData("GOOG.csv", "GOOG", "1d")]
    [InlineData("EURUSD.csv", "EURUSD", "1h")]
    public async Task Exported_parquet_reads_back_as_the_imported_bars(string file, string symbol, string timeframe)
    {
        await using var db = await ImportedAsync(file, symbol, timeframe);
        using var folder = new TempFolder();
        string output = folder.File("bars.parquet");

        var run = await QuantProcess.RunAsync(
            "data", "export", "--symbol", symbol, "--timeframe", timeframe, "--format", "parquet", "--out", output, "--db", db.ConnectionString);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var reader = ParquetFileReader.Open(output);
        Assert.Equal(["ts", "symbol", "open", "high", "low", "close", "volume"], reader.Schema.Columns.Select(c => c.Name));
        Assert.All(reader.ReadColumn("symbol").GetValues<string>(), s => Assert.Equal(symbol, s));
        BarAssert.Identical(BarFiles.Read(RepositoryPaths.MarketFile(file)), ParquetBars(reader, symbol));
    }

    [DatabaseTheory]
    [InlineData("GOOG.csv", "GOOG", "1d")]
    [InlineData("EURUSD.csv", "EURUSD", "1h")]
    public async Task Exported_csv_reads_back_as_the_imported_bars(string file, string symbol, string timeframe)
    {
        await using var db = await ImportedAsync(file, symbol, timeframe);
        using var folder = new TempFolder();
        string output = folder.File("bars.csv");

        var run = await QuantProcess.RunAsync(
            "data", "export", "--symbol", symbol, "--timeframe", timeframe, "--format", "csv", "--out", output, "--db", db.ConnectionString);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ts,symbol,open,high,low,close,volume", File.ReadLines(output).First());
        var read = CsvBarReader.Read(output);
        Assert.Equal(symbol, read.Symbol);
        BarAssert.Identical(BarFiles.Read(RepositoryPaths.MarketFile(file)), read);
    }

    [DatabaseFact]
    public async Task Export_takes_the_format_from_the_extension_and_keeps_to_the_range()
    {
        await using var db = await ImportedAsync("GOOG.csv", "GOOG", "1d");
        using var folder = new TempFolder();
        string output = folder.File("goog-2010.csv");

        var run = await QuantProcess.RunAsync(
            "data", "export", "--symbol", "GOOG", "--timeframe", "1d", "--out", output, "--from", "2010-01-01", "--to", "2010-12-31T00:00:00Z",
            "--db", db.ConnectionString);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"Wrote 252 GOOG 1d bars (2010-01-04T00:00:00Z to 2010-12-31T00:00:00Z) to {output}.", run.Output.Trim());
        var goog = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));
        int first = Array.IndexOf(goog.Timestamps, Micros(2010, 1, 4));
        BarAssert.Identical(goog.Slice(first, 252), CsvBarReader.Read(output));
    }

    [DatabaseFact]
    public async Task Export_of_a_range_with_no_bars_exits_2_and_writes_nothing()
    {
        await using var db = await ImportedAsync("GOOG.csv", "GOOG", "1d");
        using var folder = new TempFolder();
        string output = folder.File("none.parquet");

        var run = await QuantProcess.RunAsync(
            "data", "export", "--symbol", "GOOG", "--timeframe", "1d", "--out", output, "--from", "2030-01-01", "--db", db.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: no GOOG 1d bars are stored from 2030-01-01T00:00:00Z; `quant data coverage` lists what is", run.Error.Trim());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Export_to_a_file_of_unknown_type_without_format_exits_2()
    {
        var run = await QuantProcess.RunAsync(
            "data", "export", "--symbol", "GOOG", "--timeframe", "1d", "--out", "bars.txt", "--db", "Host=127.0.0.1;Database=x");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: cannot tell the format from 'bars.txt': give --format parquet or --format csv", run.Error.Trim());
    }

    private static async Task<TestDatabase> ImportedAsync(string file, string symbol, string timeframe)
    {
        var db = await TestDatabase.CreateAsync();
        await using var store = await db.OpenStoreAsync();
        await store.ImportAsync(BarFiles.Read(RepositoryPaths.MarketFile(file), symbol), timeframe, file);
        return db;
    }

    private static BarSeries ParquetBars(ParquetFileReader reader, string symbol) => new(
        symbol,
        reader.ReadColumn("ts").GetValues<long>(),
        reader.ReadColumn("open").GetValues<double>(),
        reader.ReadColumn("high").GetValues<double>(),
        reader.ReadColumn("low").GetValues<double>(),
        reader.ReadColumn("close").GetValues<double>(),
        reader.ReadColumn("volume").GetValues<double>());

    private static long Micros(int year, int month, int day) => (TestBars.Utc(year, month, day) - DateTime.UnixEpoch).Ticks / 10;
}
