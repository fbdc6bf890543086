using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Client.Tests.Commands.Errors;

/// <summary>
/// Every file in ../shared/data through every command that reads one: each prints and inspects;
/// converting it or backtesting on it either works or (a table that is not bars) is refused in
/// one line naming the file with exit code 2.
/// </summary>
public sealed class SharedDataFileTests
{
    public static TheoryData<string> Files() =>
    [
        .. Directory.GetFiles(RepositoryPaths.ParquetTestingDirectory, "*.parquet")
            .Concat(Directory.GetFiles(RepositoryPaths.MarketDirectory, "*.csv"))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Reads_or_refuses_in_one_line_with_every_command(string path)
    {
        using var folder = new TempDirectory();
        var converted = folder.File(Path.GetExtension(path) == ".csv" ? "converted.parquet" : "converted.csv");

        var cat = await QuantProcess.RunAsync("data", "cat", path);
        var inspect = await QuantProcess.RunAsync("data", "inspect", path);
        var convert = await QuantProcess.RunAsync("data", "convert", path, converted);
        var backtest = await QuantProcess.RunAsync("backtest", "--strategy", "sma_crossover", "--data", path);

        Assert.True(cat.ExitCode == 0, cat.ToString());
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        foreach (var run in new[] { convert, backtest })
        {
            if (run.ExitCode != 0)
            {
                Assert.True(run.ExitCode == 2, run.ToString());
                DamagedFileTests.AssertOneLineNaming(Path.GetFileName(path), run);
            }
        }

        Assert.Equal(convert.ExitCode == 0, File.Exists(converted));
    }
}
