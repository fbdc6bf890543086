namespace QuantCluster.Client.Tests.Commands.Errors;

/// <summary>The error boundary's contract, through the real `quant` process: exit codes, one line, and --verbose.</summary>
public sealed class BoundaryTests
{
    [Fact]
    public void A_missing_file_is_bad_input_named_in_one_line()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.parquet");

        foreach (var run in new[]
        {
            QuantProcess.Run("data", "cat", missing),
            QuantProcess.Run("data", "inspect", missing),
            QuantProcess.Run("backtest", "--strategy", "sma_crossover", "--data", missing),
        })
        {
            Assert.Equal(2, run.ExitCode);
            DamagedFileTests.AssertOneLineNaming(Path.GetFileName(missing), run);
        }
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_after_the_same_line()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.csv");

        var plain = QuantProcess.Run("data", "cat", missing);
        var verbose = QuantProcess.Run("data", "cat", missing, "--verbose");

        Assert.Equal((2, 2), (plain.ExitCode, verbose.ExitCode));
        var first = plain.Error.Split('\n')[0];
        Assert.StartsWith(first + "\n", verbose.Error, StringComparison.Ordinal);
        Assert.Contains("System.IO.FileNotFoundException", verbose.Error, StringComparison.Ordinal);
        Assert.Contains("   at QuantCluster.", verbose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_line_that_does_not_parse_is_bad_input_with_its_error_and_where_help_is()
    {
        var run = QuantProcess.Run("data", "inspect", RepositoryPaths.MarketFile("GOOG.csv"), "--no-such-option");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["error: Unrecognized command or argument '--no-such-option'.", "(`quant data inspect --help` lists what it takes)"],
            run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Verbose_is_accepted_before_the_command_too()
    {
        var run = QuantProcess.Run("--verbose", "strategy", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sma_crossover", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_into_a_folder_that_does_not_exist_names_the_folder_and_leaves_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}");

        var run = QuantProcess.Run("data", "convert", RepositoryPaths.MarketFile("GOOG.csv"), Path.Combine(folder, "goog.parquet"));

        Assert.Equal(2, run.ExitCode);
        DamagedFileTests.AssertOneLineNaming(Path.GetFileName(folder), run);
        Assert.False(Directory.Exists(folder));
    }
}
