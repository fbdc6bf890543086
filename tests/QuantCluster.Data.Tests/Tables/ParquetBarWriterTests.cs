using QuantCluster.Data.Parquet;
using QuantCluster.Data.Tests.Csv;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>What ParquetBarWriter writes, as DuckDB and our reader see it.</summary>
public sealed class ParquetBarWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Writes_the_standard_bar_schema_ZSTD_compressed_with_statistics_that_DuckDB_reads()
    {
        var path = _directory.File("goog.parquet");
        var goog = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));
        ParquetBarWriter.Write(path, goog);

        var results = DuckDbReference.Query(
            $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))",
            $"SELECT DISTINCT compression, stats_min_value IS NOT NULL AS has_min FROM parquet_metadata('{path}')",
            $"SELECT count(*) AS n, sum(close) AS close, min(symbol) AS symbol, epoch_us(min(ts)) AS first FROM read_parquet('{path}')",
            $"SELECT encodings FROM parquet_metadata('{path}') WHERE path_in_schema = 'symbol'");

        Assert.Equal(
            ["ts TIMESTAMP WITH TIME ZONE", "symbol VARCHAR", "open DOUBLE", "high DOUBLE", "low DOUBLE", "close DOUBLE", "volume DOUBLE"],
            results[0].Select(r => $"{r["column_name"]} {r["column_type"]}"));
        Assert.Equal([("ZSTD", "true")], results[1].Select(r => (r["compression"], r["has_min"])));
        Assert.Equal("2148", results[2][0]["n"]);
        Assert.Equal(goog.Close.Sum(), double.Parse(results[2][0]["close"]!, System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal("GOOG", results[2][0]["symbol"]);
        Assert.Equal(goog.Timestamps[0].ToString(System.Globalization.CultureInfo.InvariantCulture), results[2][0]["first"]);
        Assert.Contains("DICTIONARY", results[3][0]["encodings"], StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_several_series_one_after_another_each_readable_by_its_symbol()
    {
        var path = _directory.File("two.parquet");
        var goog = BarFiles.Read(RepositoryPaths.MarketFile("GOOG.csv"));
        var eurusd = BarFiles.Read(RepositoryPaths.MarketFile("EURUSD.csv"));

        ParquetBarWriter.Write(path, [goog, eurusd], new ParquetWriterOptions { Compression = ParquetCompression.Snappy, RowGroupSize = 1000 });

        BarAssert.Identical(eurusd, ParquetBarReader.Read(path, "EURUSD"));
        BarAssert.Identical(goog, ParquetBarReader.Read(path, "GOOG"));
    }

    public void Dispose() => _directory.Dispose();
}
