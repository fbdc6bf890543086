namespace QuantCluster.Client.Tests.Commands.Jobs;

public sealed class GeneticSweepCommandTests
{
    private static readonly string[] Genetic =
    [
        "sweep", "--strategy", "sma_crossover", "--data", RepositoryPaths.MarketFile("GOOG.csv"),
        "--grid", "fast=2:100:1", "--grid", "slow=5:300:1", "--min-trades", "5", "--optimizer", "genetic", "--seed", "3",
    ];

    [Fact]
    public void A_genetic_sweep_reports_the_distinct_sets_it_evaluated_and_each_generation()
    {
        var run = QuantProcess.Run([.. Genetic, "--top", "3", "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var generations = run.Json["generations"]!.AsArray();
        long evaluations = run.Json["evaluations"]!.GetValue<long>();
        Assert.Equal(generations.Sum(g => g!["new_evaluations"]!.GetValue<long>()), evaluations);
        Assert.InRange(evaluations, 100, 24_648 / 4);
        double best = run.Json["leaderboard"]![0]!["metrics"]!["sharpe"]!.GetValue<double>();
        Assert.Equal(best, generations[^1]!["best_so_far"]!.GetValue<double>(), 12);
        var bests = generations.Select(g => g!["best_so_far"]!.GetValue<double>()).ToArray();
        Assert.Equal(bests.Order(), bests);
    }

    [Fact]
    public void The_same_seed_gives_the_same_answer_on_one_worker_or_two()
    {
        var one = QuantProcess.Run([.. Genetic, "--workers", "1", "--json"]);
        var two = QuantProcess.Run([.. Genetic, "--workers", "2", "--json"]);

        Assert.Equal(one.Json["generations"]!.ToJsonString(), two.Json["generations"]!.ToJsonString());
        Assert.Equal(one.Json["leaderboard"]!.ToJsonString(), two.Json["leaderboard"]!.ToJsonString());
    }

    [Theory]
    [InlineData("--population 2", "--population must be between 4 and 100,000")]
    [InlineData("--mutation-rate 1.5", "--mutation-rate must be between 0 and 1")]
    [InlineData("--elites 100", "--elites must be at least 0 and below the population")]
    public void Breeding_settings_that_make_no_sense_get_one_line_and_exit_code_2(string setting, string message)
    {
        var run = QuantProcess.Run([.. Genetic, .. setting.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Breeding_settings_without_the_genetic_optimizer_are_refused()
    {
        var run = QuantProcess.Run([.. Genetic[..^4], "--population", "50"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("are for --optimizer genetic", run.Error, StringComparison.Ordinal);
    }
}
