namespace QuantCluster.Client.Tests.Output;

/// <summary>
/// Tables that fit: piped, a sweep's leaderboard is drawn whole (no header cut, no cell wrapped,
/// no colour codes); in a console narrower than the table (COLUMNS=40) it is printed plain,
/// every line within the width and every value whole.
/// </summary>
public sealed class ConsoleFitTests
{
    private static readonly string[] Sweep =
    [
        "sweep", "--strategy", "sma_crossover", "--data", RepositoryPaths.MarketFile("GOOG.csv"),
        "--grid", "fast=5:20:5", "--grid", "slow=30:60:10", "--grid", "direction=long_only,long_short", "--top", "40",
    ];

    private static readonly string[] Headers = ["direction", "total_return", "max_drawdown", "win_rate"];

    [Fact]
    public async Task Piped_output_draws_the_whole_table_without_cutting_or_wrapping()
    {
        var run = await QuantProcess.RunAsync(Sweep);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        var header = Assert.Single(lines, l => l.Contains("direction", StringComparison.Ordinal));
        Assert.All(Headers, h => Assert.Contains(h, header, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("long_short", StringComparison.Ordinal) && l.Contains('%', StringComparison.Ordinal));
        Assert.Equal(32, lines.Count(l => l.Contains("long_only", StringComparison.Ordinal) || l.Contains("long_short", StringComparison.Ordinal)));
        Assert.DoesNotContain("…", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_narrow_console_gets_a_plain_layout_with_every_value_whole()
    {
        var run = await QuantProcess.RunWithEnvironmentAsync(new Dictionary<string, string> { ["COLUMNS"] = "40" }, Sweep);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 40, $"{l.Length} columns: {l}"));
        Assert.All(Headers, h => Assert.Equal(32, lines.Count(l => l.StartsWith(h + " ", StringComparison.Ordinal))));
        Assert.Equal(32, lines.Count(l => l.StartsWith("direction", StringComparison.Ordinal) && (l.EndsWith("long_only", StringComparison.Ordinal) || l.EndsWith("long_short", StringComparison.Ordinal))));
        Assert.DoesNotContain("…", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_in_a_narrow_console_keeps_each_encoding_list_on_one_line()
    {
        var run = await QuantProcess.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["COLUMNS"] = "40" }, "data", "inspect", RepositoryPaths.ParquetTestingFile("alltypes_dictionary.parquet"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(11, run.Output.Split('\n').Count(l => l.StartsWith("encodings ", StringComparison.Ordinal)));
        Assert.DoesNotContain("…", run.Output, StringComparison.Ordinal);
    }
}
