
namespace QuantCluster.Client.Tests.Commands;

public sealed class BenchAndDemoCommandTests
{
    [Fact]
    public void Bench_reports_the_standard_sweep_in_json()
    {
        var run = QuantProcess.Run("bench", "--bars", "2000", "--threads", "1", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal(780, (int)json["parameter_sets"]!);
        Assert.Equal(2000, (int)json["bars"]!);
        Assert.Equal(1, (int)json["threads"]!);
        Assert.True((double)json["bar_evaluations_per_second"]! > 0);
    }

    [Fact]
    public void Bench_refuses_nonsense_sizes()
    {
        var run = QuantProcess.Run("bench", "--bars", "5", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--bars", run.Error);
    }

    [Fact]
    public void Demo_prints_a_leaderboard_best_first_with_enough_trades()
    {
        var run = QuantProcess.Run("demo", "--bars", "20000", "--json");

        Assert.Equal(0, run.ExitCode);
        var leaderboard = run.Json["leaderboard"]!.AsArray();
        Assert.Equal(10, leaderboard.Count);
        var sharpes = leaderboard.Select(e => (double)e!["metrics"]!["sharpe"]!).ToArray();
        Assert.Equal(sharpes.OrderDescending(), sharpes);
        Assert.All(leaderboard, e => Assert.True((int)e!["metrics"]!["trades"]! >= 10));
    }

    [Fact]
    public void Demo_sweeps_a_given_file()
    {
        var run = QuantProcess.Run("demo", "--data", RepositoryPaths.MarketFile("EURUSD.csv"), "--top", "3", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5000, (int)run.Json["bars"]!);
        Assert.EndsWith("EURUSD.csv", (string?)run.Json["data"], StringComparison.Ordinal);
        Assert.Equal("completed", (string?)run.Json["status"]);
    }
}
