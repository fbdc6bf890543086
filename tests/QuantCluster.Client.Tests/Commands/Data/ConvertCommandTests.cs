using QuantCluster.Data;

namespace QuantCluster.Client.Tests.Commands.Data;

public sealed class ConvertCommandTests(DuckDbDataFiles files) : IClassFixture<DuckDbDataFiles>
{
    [Fact]
    public void Converts_GOOG_csv_to_parquet_and_back_to_the_same_bars()
    {
        var parquet = files.File("convert-goog.parquet");
        var csv = files.File("convert-goog.csv");

        var there = QuantProcess.Run("data", "convert", RepositoryPaths.MarketFile("GOOG.csv"), parquet);
        var back = QuantProcess.Run("data", "convert", parquet, csv);

        Assert.Equal((0, 0), (there.ExitCode, back.ExitCode));
        Assert.Equal("Wrote 2,148 bars of GOOG (2004-08-19T00:00:00Z to 2013-03-01T00:00:00Z) to convert-goog.parquet.\n", there.Output);
        var original = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));
        var roundTripped = BarFiles.Read(csv);
        Assert.Equal(original.Timestamps, roundTripped.Timestamps);
        Assert.Equal(original.Open, roundTripped.Open);
        Assert.Equal(original.Close, roundTripped.Close);
        Assert.Equal(original.Volume, roundTripped.Volume);
        Assert.StartsWith("ts,symbol,open,high,low,close,volume\n2004-08-19T00:00:00Z,GOOG,100,104.06,95.96,100.34,22351900\n", File.ReadAllText(csv));
    }

    [Fact]
    public void Refuses_to_replace_an_existing_file_unless_forced()
    {
        var target = files.File("taken.csv");
        File.WriteAllText(target, "keep me");

        var refused = QuantProcess.Run("data", "convert", files.Goog, target);

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"error: {target} already exists; pass --force to replace it.\n", refused.Error);
        Assert.Equal("keep me", File.ReadAllText(target));

        var forced = QuantProcess.Run("data", "convert", files.Goog, target, "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(2148, BarFiles.Read(target).Count);
    }

    [Fact]
    public void Refuses_bad_bars_naming_the_line_and_writes_nothing()
    {
        var directory = files.File("bad");
        Directory.CreateDirectory(directory);
        var input = Path.Combine(directory, "bad.csv");
        File.WriteAllText(input, "date,open,high,low,close\n2024-01-02,10,11,9,10.5\n2024-01-03,10,9,9.5,10.5\n");

        var run = QuantProcess.Run("data", "convert", input, Path.Combine(directory, "bad.parquet"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: bad.csv line 3: high 9 is below low 9.5\n", run.Error);
        Assert.Equal([input], Directory.GetFiles(directory));
    }

    [Fact]
    public void Converts_one_symbol_of_a_file_that_holds_several()
    {
        var target = files.File("msft.csv");

        var unchosen = QuantProcess.Run("data", "convert", files.Bars, target);
        var chosen = QuantProcess.Run("data", "convert", files.Bars, target, "--symbol", "msft");

        Assert.Equal(2, unchosen.ExitCode);
        Assert.Contains("the file holds bars of 3 symbols (AAPL, MSFT, SPY); choose one with --symbol", unchosen.Error);
        Assert.Equal(0, chosen.ExitCode);
        var bars = BarFiles.Read(target);
        Assert.Equal(("MSFT", 2000), (bars.Symbol, bars.Count));
    }
}
