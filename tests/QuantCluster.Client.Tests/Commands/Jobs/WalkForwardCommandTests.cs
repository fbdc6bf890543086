using System.Globalization;
using System.Text.Json;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Client.Tests.Commands.Jobs;

public sealed class WalkForwardCommandTests
{
    private static readonly string[] Goog =
    [
        "walkforward", "--strategy", "sma_crossover", "--data", RepositoryPaths.MarketFile("GOOG.csv"),
        "--grid", "fast=2:50:4", "--grid", "slow=10:200:20", "--min-trades", "3", "--fill", "close",
    ];

    [Fact]
    public void The_fold_windows_and_the_stitched_equity_agree_with_duckdb_over_the_same_csv()
    {
        var run = QuantProcess.Run([.. Goog, "--in-sample", "720d", "--out-of-sample", "180d", "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var folds = run.Json["folds"]!.AsArray();
        string[] chosen = [.. folds.Select(f => $"{f!["parameters"]!["fast"]}:{f["parameters"]!["slow"]}")];
        using var reference = JsonDocument.Parse(DuckDbReference.RunScript("walk-forward-reference.mjs", [RepositoryPaths.MarketFile("GOOG.csv"), "720", "180", .. chosen]));
        var expected = reference.RootElement.GetProperty("folds").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, folds.Count);
        for (int k = 0; k < folds.Count; k++)
        {
            foreach (string window in new[] { "in_sample", "out_of_sample" })
            {
                foreach (string end in new[] { "from", "to" })
                {
                    Assert.Equal(
                        DateTime.Parse(expected[k].GetProperty(window).GetProperty(end).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                        DateTime.Parse(folds[k]![window]![end]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
                }
            }
        }

        Assert.Equal(reference.RootElement.GetProperty("total_return").GetDouble(), run.Json["metrics"]!["total_return"]!.GetValue<double>(), 1e-9);
        Assert.Equal(reference.RootElement.GetProperty("max_drawdown").GetDouble(), run.Json["metrics"]!["max_drawdown"]!.GetValue<double>(), 1e-9);
    }

    [Fact]
    public void A_walk_forward_reports_efficiency_and_the_stability_of_each_swept_parameter()
    {
        var run = QuantProcess.Run([.. Goog, "--folds", "5", "--anchored", "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(5, run.Json["folds"]!.AsArray().Count);
        Assert.All(run.Json["folds"]!.AsArray(), f => Assert.Equal(File.ReadLines(RepositoryPaths.MarketFile("GOOG.csv")).ElementAt(1)[..10], f!["in_sample"]!["from"]!.GetValue<string>()[..10]));
        var stability = run.Json["stability"]!.AsArray();
        Assert.Equal(["fast", "slow"], stability.Select(s => s!["parameter"]!.GetValue<string>()));
        Assert.NotNull(run.Json["metrics"]!["sharpe"]);
        Assert.True(run.Json.AsObject().ContainsKey("efficiency"));
    }

    [Theory]
    [InlineData("--in-sample 5000d --out-of-sample 30d", "hold no whole fold")]
    [InlineData("--in-sample 720d --out-of-sample 180d --step 90d", "shorter than --out-of-sample")]
    [InlineData("--in-sample soon --out-of-sample 30d", "--in-sample soon is not a length")]
    [InlineData("--in-sample 720d", "give --in-sample and --out-of-sample")]
    [InlineData("--in-sample 720d --out-of-sample 50", "different units")]
    [InlineData("--folds 5000", "--folds must be between 1 and 1,000")]
    public void Windows_that_make_no_sense_get_one_line_and_exit_code_2(string windows, string message)
    {
        var run = QuantProcess.Run([.. Goog, .. windows.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}
