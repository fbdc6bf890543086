
namespace QuantCluster.Client.Tests.Commands.Data;

/// <summary>`--data` takes a Parquet file, and the same bars give the same results as from CSV.</summary>
public sealed class ParquetBacktestTests(DuckDbDataFiles files) : IClassFixture<DuckDbDataFiles>
{
    [Fact]
    public void Backtest_of_a_parquet_file_DuckDB_wrote_equals_the_backtest_of_the_CSV_it_came_from()
    {
        string[] arguments = ["backtest", "--strategy", "sma_crossover", "--param", "fast=10", "--param", "slow=50", "--commission-bps", "5", "--trades", "--json"];

        var csv = QuantProcess.Run([.. arguments, "--data", RepositoryPaths.MarketFile("GOOG.csv")]);
        var parquet = QuantProcess.Run([.. arguments, "--data", files.Goog, "--symbol", "GOOG"]);

        Assert.Equal((0, 0), (csv.ExitCode, parquet.ExitCode));
        Assert.Equal(csv.Json.ToJsonString(), parquet.Json.ToJsonString());
        Assert.Equal(2148, (int)parquet.Json["bars"]!);
    }

    [Fact]
    public void Demo_sweeps_a_parquet_file_as_it_sweeps_the_CSV()
    {
        var csv = QuantProcess.Run("demo", "--data", RepositoryPaths.MarketFile("EURUSD.csv"), "--top", "3", "--threads", "2", "--json");
        var parquet = QuantProcess.Run("demo", "--data", files.EurUsd, "--symbol", "EURUSD", "--top", "3", "--threads", "2", "--json");

        Assert.Equal((0, 0), (csv.ExitCode, parquet.ExitCode));
        Assert.Equal(5000, (int)parquet.Json["bars"]!);
        Assert.Equal(csv.Json["leaderboard"]!.ToJsonString(), parquet.Json["leaderboard"]!.ToJsonString());
    }
}
