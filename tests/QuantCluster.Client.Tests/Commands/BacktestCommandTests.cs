using QuantCluster.Contracts;
using QuantCluster.Data;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Client.Tests.Commands;

public sealed class BacktestCommandTests
{
    private static readonly string Goog = RepositoryPaths.MarketFile("GOOG.csv");

    [Fact]
    public void Json_output_names_the_run_and_gives_every_metric_of_the_engine()
    {
        var run = QuantProcess.Run(
            "backtest", "--data", Goog, "--strategy", "sma_crossover", "--param", "fast=10", "--param", "slow=50",
            "--fill", "close", "--commission-bps", "10", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("sma_crossover", (string?)json["strategy"]);
        Assert.Equal(10, (double)json["parameters"]!["fast"]!);
        Assert.Equal(2148, (int)json["bars"]!);
        var metrics = json["metrics"]!.AsObject();
        Assert.Equal(Metrics.Names.Order(), metrics.Select(m => m.Key).Order());

        var strategy = StrategyCatalog.Find("sma_crossover");
        var expected = BacktestSimulator.Run(
            CsvBarReaderFacade.Goog(Goog), strategy, strategy.Bind(new Dictionary<string, string> { ["fast"] = "10", ["slow"] = "50" }),
            new BacktestSettings { Fill = FillMode.Close, CommissionBps = 10 }).Metrics;
        Assert.Equal(expected.TotalReturn, (double)metrics["total_return"]!, 12);
        Assert.Equal(expected.Fills, (int)metrics["fills"]!);
    }

    [Fact]
    public void A_broken_constraint_is_refused_with_the_reason()
    {
        var run = QuantProcess.Run("backtest", "--data", Goog, "--strategy", "sma_crossover", "--param", "fast=60", "--param", "slow=50");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("fast (60) must be less than slow (50)", run.Error);
    }

    [Fact]
    public void An_unknown_strategy_is_refused_listing_the_known_ones()
    {
        var run = QuantProcess.Run("backtest", "--data", Goog, "--strategy", "golden_goose");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("There is no strategy 'golden_goose'", run.Error);
        Assert.Contains("donchian_breakout", run.Error);
    }

    [Fact]
    public void An_unknown_parameter_is_refused_listing_the_strategy_parameters()
    {
        var run = QuantProcess.Run("backtest", "--data", Goog, "--strategy", "sma_crossover", "--param", "speed=3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no parameter 'speed'", run.Error);
        Assert.Contains("fast, slow, direction", run.Error);
    }

    [Fact]
    public void A_file_with_a_bad_row_is_refused_naming_the_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "date,open,high,low,close,volume\n2024-01-01,10,11,9,10.5,100\n2024-01-02,10,9,9.5,10.5,100\n");
        try
        {
            var run = QuantProcess.Run("backtest", "--data", path, "--strategy", "sma_crossover");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("line 3", run.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var run = QuantProcess.Run("backtest", "--data", "/nonexistent/bars.csv", "--strategy", "sma_crossover");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/bars.csv", run.Error);
    }

    [Fact]
    public void A_fill_mode_that_does_not_exist_is_refused()
    {
        var run = QuantProcess.Run("backtest", "--data", Goog, "--strategy", "sma_crossover", "--fill", "tomorrow");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fill tomorrow", run.Error);
    }

    [Fact]
    public void Trades_are_listed_on_request()
    {
        var run = QuantProcess.Run("backtest", "--data", Goog, "--strategy", "sma_crossover", "--trades", "--json");

        var trades = run.Json["trades"]!.AsArray();
        Assert.Equal((int)run.Json["metrics"]!["trades"]!, trades.Count);
        Assert.All(trades, t => Assert.True(string.CompareOrdinal((string)t!["entry"]!, (string)t["exit"]!) < 0));
    }

    [Fact]
    public void Help_teaches_the_options()
    {
        var run = QuantProcess.Run("backtest", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--param", run.Output);
        Assert.Contains("next_open", run.Output);
        Assert.Contains("--commission-bps", run.Output);
    }

    private static class CsvBarReaderFacade
    {
        public static Engine.Bars.BarSeries Goog(string path) => BarFiles.Read(path);
    }
}
