using System.Globalization;
using QuantCluster.Data.Tables;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Client.Tests.Commands.Jobs;

public sealed class SweepCommandTests
{
    private static readonly string[] EurUsdGrid =
        ["sweep", "--strategy", "sma_crossover", "--data", RepositoryPaths.MarketFile("EURUSD.csv"), "--grid", "fast=5:30:5", "--grid", "slow=20:60:10"];

    [Fact]
    public void A_local_sweep_evaluates_every_combination_that_keeps_the_constraints_and_ranks_them()
    {
        var run = QuantProcess.Run([.. EurUsdGrid, "--min-trades", "3", "--top", "5", "--json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("completed", (string?)run.Json["status"]);
        // fast 5..30 x slow 20..60: 6 x 5 = 30 positions, of which fast < slow holds for 3 + 5 + 6 + 6 + 6 = 26.
        Assert.Equal(26, (int)run.Json["parameter_sets"]!);
        var leaderboard = run.Json["leaderboard"]!.AsArray();
        Assert.Equal(5, leaderboard.Count);
        var sharpes = leaderboard.Select(e => (double)e!["metrics"]!["sharpe"]!).ToArray();
        Assert.Equal(sharpes.OrderDescending(), sharpes);
        Assert.All(leaderboard, e => Assert.True((double)e!["parameters"]!["fast"]! < (double)e!["parameters"]!["slow"]!));
    }

    [Fact]
    public void The_leaderboard_matches_a_backtest_of_its_best_set()
    {
        var sweep = QuantProcess.Run([.. EurUsdGrid, "--commission-bps", "2", "--top", "1", "--json"]);
        var best = sweep.Json["leaderboard"]![0]!;

        var backtest = QuantProcess.Run(
            "backtest", "--strategy", "sma_crossover", "--data", RepositoryPaths.MarketFile("EURUSD.csv"), "--commission-bps", "2",
            "--param", $"fast={best["parameters"]!["fast"]}", "--param", $"slow={best["parameters"]!["slow"]}", "--json");

        Assert.Equal(0, backtest.ExitCode);
        Assert.Equal((double)best["metrics"]!["sharpe"]!, (double)backtest.Json["metrics"]!["sharpe"]!, 1e-9);
        Assert.Equal((int)best["metrics"]!["trades"]!, (int)backtest.Json["metrics"]!["trades"]!);
    }

    [Fact]
    public void A_random_search_with_one_seed_draws_the_same_sets_every_time()
    {
        string[] random = [.. EurUsdGrid[..^4], "--grid", "fast=2:60:1", "--grid", "slow=10:200:5", "--optimizer", "random", "--samples", "25", "--top", "25", "--json"];

        var first = QuantProcess.Run([.. random, "--seed", "9"]);
        var again = QuantProcess.Run([.. random, "--seed", "9"]);
        var other = QuantProcess.Run([.. random, "--seed", "10"]);

        Assert.Equal(25, (int)first.Json["parameter_sets"]!);
        Assert.Equal(first.Json["leaderboard"]!.ToJsonString(), again.Json["leaderboard"]!.ToJsonString());
        Assert.NotEqual(first.Json["leaderboard"]!.ToJsonString(), other.Json["leaderboard"]!.ToJsonString());
    }

    [Fact]
    public void Every_result_goes_to_a_parquet_file_that_duckdb_reads()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "results.parquet");

        var run = QuantProcess.Run([.. EurUsdGrid, "--out", path, "--json"]);

        Assert.Equal(0, run.ExitCode);
        var rows = DuckDbReference.Query(
            $"SELECT count(*) AS n, count(DISTINCT (fast, slow)) AS sets, min(slow - fast) AS gap, max(trades) AS trades FROM read_parquet('{path}')")[0][0];
        Assert.Equal("26", rows["n"]);
        Assert.Equal("26", rows["sets"]);
        Assert.True(double.Parse(rows["gap"]!, CultureInfo.InvariantCulture) > 0);
        Assert.Equal(
            run.Json["leaderboard"]![0]!["metrics"]!["sharpe"]!.GetValue<double>(),
            TableFile.Read(path, ["sharpe"]).Columns[0].Get<double>().Where(double.IsFinite).Max(), 12);
    }

    [Fact]
    public void Every_result_goes_to_a_csv_file_with_all_sixteen_metrics()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "results.csv");

        var run = QuantProcess.Run([.. EurUsdGrid, "--out", path]);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(path);
        Assert.Equal(27, lines.Length);
        Assert.Equal("item,fast,slow,direction,total_return,cagr,volatility,sharpe,sortino,max_drawdown,calmar,fills,trades,win_rate,profit_factor,avg_trade,exposure,var_95,cvar_95,ulcer_index", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Contains(",long_only,", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--strategy rsi_mean_reversion --grid period=2:1000:1 --grid lower=0:100:0.1 --grid upper=0:100:0.1 --grid exit=0:100:0.1", "at most 10,000,000,000")]
    [InlineData("--strategy sma_crossover --grid fast=30:10:5", "empty range")]
    [InlineData("--strategy sma_crossover --grid speed=1:5:1", "no parameter 'speed'")]
    [InlineData("--strategy astrology --grid fast=1:5:1", "no strategy 'astrology'")]
    [InlineData("--strategy sma_crossover --grid fast=5:30:5 --objective luck", "no metric 'luck'")]
    [InlineData("--strategy sma_crossover --grid fast=5:30:5 --optimizer random", "--samples")]
    [InlineData("--strategy sma_crossover --grid fast=5:30:5 --grid slow=20:60:10 --optimizer random --samples 1000", "at most 30")]
    [InlineData("--strategy sma_crossover --grid fast=5:30:5 --minimize --maximize", "contradict")]
    [InlineData("--strategy sma_crossover", "at least one --grid")]
    public void An_absurd_sweep_is_refused_with_what_to_change(string arguments, string message)
    {
        var run = QuantProcess.Run(["sweep", "--data", RepositoryPaths.MarketFile("EURUSD.csv"), .. arguments.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_sweep_of_a_missing_file_is_refused_before_anything_runs()
    {
        var run = QuantProcess.Run("sweep", "--strategy", "sma_crossover", "--data", "/nonexistent/bars.parquet", "--grid", "fast=5:30:5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/bars.parquet", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_help_teaches_the_grid_syntax_and_the_optimizers()
    {
        var run = QuantProcess.Run("sweep", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("name=start:stop:step", run.Output, StringComparison.Ordinal);
        Assert.Contains("--optimizer", run.Output, StringComparison.Ordinal);
        Assert.Contains("Example: quant sweep", run.Output, StringComparison.Ordinal);
    }
}
