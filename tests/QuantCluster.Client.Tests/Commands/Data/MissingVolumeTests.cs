using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Client.Tests.Commands.Data;

/// <summary>
/// Volume is optional, prices are not: a CSV file DuckDB wrote from GOOG.csv with every 20th
/// volume NULL loads, inspects with its missing volumes counted, converts with them kept as
/// nulls DuckDB reads back, and backtests like the full file; a NULL close is refused with its line.
/// </summary>
public sealed class MissingVolumeTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public MissingVolumeTests()
    {
        var goog = RepositoryPaths.MarketFile("GOOG.csv");
        DuckDbReference.Query(
            $"COPY (SELECT column0 AS date, open, high, low, close, CASE WHEN row_number() OVER () % 20 = 2 THEN NULL ELSE volume END AS volume " +
            $"FROM read_csv('{goog}')) TO '{NullVolume}'",
            $"COPY (SELECT column0 AS date, open, high, low, CASE WHEN row_number() OVER () = 21 THEN NULL ELSE close END AS close, volume " +
            $"FROM read_csv('{goog}')) TO '{NullClose}'");
    }

    private string NullVolume => _directory.File("null_volume.csv");

    private string NullClose => _directory.File("null_close.csv");

    [Fact]
    public void A_file_with_empty_volume_cells_inspects_with_them_counted()
    {
        var nulls = DuckDbReference.Query($"SELECT count(*) - count(volume) AS missing FROM read_csv('{NullVolume}')")[0][0]["missing"];

        var run = QuantProcess.Run("data", "inspect", NullVolume, "--json");

        Assert.Equal(0, run.ExitCode);
        var volume = run.Json["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "volume")!;
        Assert.Equal(long.Parse(nulls!, System.Globalization.CultureInfo.InvariantCulture), volume["missing"]!.GetValue<long>());
        Assert.True(volume["missing"]!.GetValue<long>() > 0);
    }

    [Fact]
    public void A_file_with_empty_volume_cells_backtests_as_the_full_file_does()
    {
        var full = QuantProcess.Run("backtest", "--strategy", "sma_crossover", "--data", RepositoryPaths.MarketFile("GOOG.csv"), "--json");
        var partial = QuantProcess.Run("backtest", "--strategy", "sma_crossover", "--data", NullVolume, "--json");

        Assert.Equal((0, 0), (full.ExitCode, partial.ExitCode));
        Assert.Equal(full.Json["metrics"]!.ToJsonString(), partial.Json["metrics"]!.ToJsonString());
    }

    [Fact]
    public void Converting_keeps_missing_volumes_as_nulls_DuckDB_reads()
    {
        var parquet = _directory.File("null_volume.parquet");

        var run = QuantProcess.Run("data", "convert", NullVolume, parquet);
        var counts = DuckDbReference.Query(
            $"SELECT count(*) - count(volume) AS missing, count(*) AS rows FROM '{parquet}'",
            $"SELECT count(*) - count(volume) AS missing, count(*) AS rows FROM read_csv('{NullVolume}')");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(counts[1][0], counts[0][0]);
    }

    [Fact]
    public void A_missing_close_is_still_refused_with_its_line()
    {
        var run = QuantProcess.Run("backtest", "--strategy", "sma_crossover", "--data", NullClose);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: null_close.csv line 22: missing close\n", run.Error);
    }

    public void Dispose() => _directory.Dispose();
}
