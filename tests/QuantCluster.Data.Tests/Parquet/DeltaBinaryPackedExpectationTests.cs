using System.Globalization;
using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

public sealed class DeltaBinaryPackedExpectationTests
{
    [Fact]
    public void Reads_delta_binary_packed_as_its_expected_csv_says()
    {
        var lines = File.ReadAllLines(RepositoryPaths.ParquetTestingFile("delta_binary_packed_expect.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile("delta_binary_packed.parquet"));

        Assert.Equal(header.Length, reader.Schema.Columns.Count);
        Assert.Equal(200, rows.Length);
        for (var c = 0; c < header.Length; c++)
        {
            var column = reader.ReadColumn(header[c]);
            Assert.Null(column.Nulls);
            var actual = ColumnRendering.Render(column);
            var expected = rows.Select(r => r[c]).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{header[c]}: {ColumnRendering.Differences(expected, actual)}");
        }
    }

    [Fact]
    public void Decodes_64_bit_deltas_that_wrap_around()
    {
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile("delta_binary_packed.parquet"));
        var values = reader.ReadColumn("bitwidth64").GetValues<long>();

        Assert.Contains(long.MinValue, values);
        Assert.Equal(long.Parse("-9223372036854775808", CultureInfo.InvariantCulture), values[1]);
    }
}
