using System.Globalization;
using QuantCluster.Data.Parquet;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Interop.Tests;

/// <summary>DuckDB reads back exactly the values our writer wrote, and trusts its statistics.</summary>
public sealed class DuckDbReadsOurFilesTests(OurWrittenFiles files) : IClassFixture<OurWrittenFiles>
{
    public static TheoryData<ParquetCompression, ParquetEncoding> Variants()
    {
        var data = new TheoryData<ParquetCompression, ParquetEncoding>();
        foreach (var codec in OurWrittenFiles.Codecs)
        {
            foreach (var encoding in OurWrittenFiles.DoubleEncodings)
                data.Add(codec, encoding);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void DuckDB_reads_every_value_we_wrote(ParquetCompression codec, ParquetEncoding doubleEncoding)
    {
        var reading = files.Readings[files.File(codec, doubleEncoding)];

        Assert.Null(reading.Error);
        Assert.Equal(files.Columns.Select(c => c.Name), reading.Columns.Select(c => c.Name));
        foreach (var column in files.Columns)
        {
            var expected = BarTable.Render(column);
            var duck = reading.Column(column.Name);
            Assert.True(expected.SequenceEqual(duck.Values), $"{codec} {doubleEncoding} column {column.Name}: {ColumnRendering.Differences(duck.Values, expected)}");
        }

        Assert.Equal("TIMESTAMP WITH TIME ZONE", reading.Column("ts").DuckType);
        Assert.Equal("VARCHAR", reading.Column("symbol").DuckType);
        Assert.Equal("BIGINT", reading.Column("volume").DuckType);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Our_reader_reads_back_every_value_we_wrote(ParquetCompression codec, ParquetEncoding doubleEncoding)
    {
        using var reader = ParquetFileReader.Open(files.File(codec, doubleEncoding));

        Assert.Equal(BarTable.Rows, reader.RowCount);
        Assert.Equal((BarTable.Rows + OurWrittenFiles.RowGroupSize - 1) / OurWrittenFiles.RowGroupSize, reader.RowGroups.Count);
        Assert.All(reader.RowGroups.SelectMany(g => g.Columns), c => Assert.Equal(codec, c.Codec));
        foreach (var column in files.Columns)
            Assert.Equal(BarTable.Render(column), ColumnRendering.Render(reader.ReadColumn(column.Name)));
        Assert.Equal(!files.Columns.Single(c => c.Name == "close").IsOptional, !reader.Schema.Find("close")!.IsNullable);
        Assert.True(reader.Schema.Find("close_opt")!.IsNullable);
        Assert.Contains(doubleEncoding, reader.RowGroups[0].Column("close").Encodings);
    }

    [Fact]
    public void DuckDB_sees_our_min_max_and_null_counts_for_every_row_group()
    {
        var path = files.File(ParquetCompression.Zstd, ParquetEncoding.Plain);
        var rows = DuckDbReference.Query(
            $"SELECT row_group_id, path_in_schema, stats_min, stats_max, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata('{path}')")[0];

        foreach (var row in rows)
        {
            var group = int.Parse(row["row_group_id"]!, CultureInfo.InvariantCulture);
            var column = files.Columns.Single(c => c.Name == row["path_in_schema"]);
            var (start, count) = (group * OurWrittenFiles.RowGroupSize, Math.Min(OurWrittenFiles.RowGroupSize, BarTable.Rows - (group * OurWrittenFiles.RowGroupSize)));
            var present = Enumerable.Range(start, count).Where(r => column.Nulls?[r] != true).ToArray();
            Assert.Equal((count - present.Length).ToString(CultureInfo.InvariantCulture), row["stats_null_count"]);
            switch (column.Values)
            {
                case long[] longs when column.Name.StartsWith("volume", StringComparison.Ordinal):
                    AssertMinMax(row, present.Min(r => longs[r]).ToString(CultureInfo.InvariantCulture), present.Max(r => longs[r]).ToString(CultureInfo.InvariantCulture), deprecatedToo: true);
                    break;
                case double[] doubles when present.Length > 0:
                    var ordered = present.Select(r => doubles[r]).Where(d => !double.IsNaN(d)).ToArray();
                    // The format wants a zero minimum written as -0.0 and a zero maximum as +0.0.
                    var min = ordered.Min() == 0 ? -0.0 : ordered.Min();
                    var max = ordered.Max() == 0 ? 0.0 : ordered.Max();
                    Assert.Equal(DuckDbShows(min), Bits(row["stats_min_value"]));
                    Assert.Equal(DuckDbShows(max), Bits(row["stats_max_value"]));
                    Assert.Equal(row["stats_min_value"], row["stats_min"]);
                    Assert.Equal(row["stats_max_value"], row["stats_max"]);
                    break;
                case string?[] strings when present.Length > 0:
                    var sorted = present.Select(r => strings[r]!).Order(StringComparer.Ordinal).ToArray();
                    AssertMinMax(row, sorted[0], sorted[^1], deprecatedToo: false);
                    break;
                default:
                    break;
            }
        }
    }

    [Fact]
    public void DuckDB_filters_our_row_groups_by_time_without_losing_rows()
    {
        var path = files.File(ParquetCompression.Snappy, ParquetEncoding.ByteStreamSplit);
        var ts = (long[])files.Columns.Single(c => c.Name == "ts").Values;
        var (from, to) = (ts[4000], ts[4500]);

        var count = DuckDbReference.Query(
            $"SELECT count(*) AS n FROM '{path}' WHERE ts BETWEEN make_timestamptz({from}::BIGINT) AND make_timestamptz({to}::BIGINT)")[0][0]["n"];

        Assert.Equal(ts.Count(t => t >= from && t <= to).ToString(CultureInfo.InvariantCulture), count);
    }

    /// <summary>DuckDB shows an infinite bound as no bound at all.</summary>
    private static string? DuckDbShows(double bound) => double.IsInfinity(bound) ? null : ColumnRendering.Render(bound);

    private static string? Bits(string? duckDbText) =>
        duckDbText is null ? null : ColumnRendering.Render(double.Parse(duckDbText, CultureInfo.InvariantCulture));

    private static void AssertMinMax(Dictionary<string, string?> row, string min, string max, bool deprecatedToo)
    {
        Assert.Equal(min, row["stats_min_value"]);
        Assert.Equal(max, row["stats_max_value"]);
        Assert.Equal(deprecatedToo ? min : null, row["stats_min"]);
        Assert.Equal(deprecatedToo ? max : null, row["stats_max"]);
    }
}
