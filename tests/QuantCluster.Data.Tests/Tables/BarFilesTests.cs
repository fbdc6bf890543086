using QuantCluster.Data.Parquet;
using QuantCluster.Data.Tests.Csv;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>Bars written by extension, and read back the same.</summary>
public sealed class BarFilesTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void GOOG_csv_to_parquet_to_csv_keeps_every_bar_exactly_and_a_second_round_trip_changes_nothing()
    {
        var goog = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));

        BarFiles.Write(_directory.File("goog.parquet"), goog);
        BarFiles.Write(_directory.File("goog.csv"), BarFiles.Read(_directory.File("goog.parquet")));
        BarFiles.Write(_directory.File("again.parquet"), BarFiles.Read(_directory.File("goog.csv")));
        BarFiles.Write(_directory.File("again.csv"), BarFiles.Read(_directory.File("again.parquet")));

        BarAssert.Identical(goog, BarFiles.Read(_directory.File("goog.csv")));
        Assert.Equal(File.ReadAllText(_directory.File("goog.csv")), File.ReadAllText(_directory.File("again.csv")));
        Assert.Equal(File.ReadAllBytes(_directory.File("goog.parquet")), File.ReadAllBytes(_directory.File("again.parquet")));
    }

    [Fact]
    public void Bars_without_volume_round_trip_through_parquet_and_csv_as_empty_fields()
    {
        var goog = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));
        for (var i = 1; i < goog.Count; i += 20)
        {
            goog.Volume[i] = double.NaN;
        }

        BarFiles.Write(_directory.File("partial.parquet"), goog);
        BarFiles.Write(_directory.File("partial.csv"), BarFiles.Read(_directory.File("partial.parquet")));

        BarAssert.Identical(goog, BarFiles.Read(_directory.File("partial.csv")));
        Assert.EndsWith(",", File.ReadLines(_directory.File("partial.csv")).ElementAt(2), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", File.ReadAllText(_directory.File("partial.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_CSV_with_the_standard_header_ISO_UTC_times_and_the_numbers_as_given()
    {
        BarFiles.Write(_directory.File("goog.csv"), BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv")));

        var lines = File.ReadAllLines(_directory.File("goog.csv"));
        Assert.Equal("ts,symbol,open,high,low,close,volume", lines[0]);
        Assert.Equal("2004-08-19T00:00:00Z,GOOG,100,104.06,95.96,100.34,22351900", lines[1]);
        Assert.Equal(2149, lines.Length);
    }

    [Fact]
    public void Refuses_to_replace_a_file_unless_told_to()
    {
        var bars = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));
        File.WriteAllText(_directory.File("taken.parquet"), "mine");

        Assert.Throws<IOException>(() => BarFiles.Write(_directory.File("taken.parquet"), bars));
        Assert.Equal("mine", File.ReadAllText(_directory.File("taken.parquet")));

        BarFiles.Write(_directory.File("taken.parquet"), bars, overwrite: true);
        Assert.Equal(bars.Close, ParquetBarReader.Read(_directory.File("taken.parquet"), null).Close);
    }

    [Fact]
    public void A_write_that_fails_leaves_no_file_behind()
    {
        var bars = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));
        Directory.CreateDirectory(_directory.File("folder.parquet"));

        Assert.ThrowsAny<IOException>(() => BarFiles.Write(_directory.File("folder.parquet"), bars, overwrite: true));

        Assert.Equal([_directory.File("folder.parquet")], Directory.GetFileSystemEntries(_directory.Path));
    }

    [Fact]
    public void Refuses_an_extension_it_cannot_write()
    {
        var error = Assert.Throws<BarDataException>(() => BarFiles.Write(_directory.File("bars.xlsx"), BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"))));

        Assert.Equal("bars.xlsx: '.xlsx' files are not supported; give a .csv or .parquet file.", error.Message);
    }

    public void Dispose() => _directory.Dispose();
}
