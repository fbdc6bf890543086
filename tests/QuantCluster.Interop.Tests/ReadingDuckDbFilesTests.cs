using QuantCluster.Data.Parquet;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Interop.Tests;

/// <summary>Our reader gives exactly DuckDB's values for files DuckDB wrote.</summary>
public sealed class ReadingDuckDbFilesTests(DuckDbWrittenFiles files) : IClassFixture<DuckDbWrittenFiles>
{
    public static TheoryData<string, string> ReadableFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "V1", "V2" })
        {
            foreach (var codec in new[] { "uncompressed", "snappy", "gzip", "zstd", "lz4", "brotli" })
                data.Add(codec, version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public void Reads_every_value_DuckDB_wrote(string codec, string version)
    {
        var path = files.File(codec, version);
        var expected = files.Readings[path];
        using var reader = ParquetFileReader.Open(path);

        Assert.True(reader.RowGroups.Count > 1, "the file should have several row groups");
        Assert.Equal(expected.Columns.Select(c => c.Name), reader.Schema.Columns.Select(c => c.Name));
        foreach (var duckColumn in expected.Columns)
        {
            var column = reader.ReadColumn(duckColumn.Name);
            var ours = ColumnRendering.Render(column);
            Assert.True(duckColumn.Values.SequenceEqual(ours), $"{codec} {version} column {duckColumn.Name}: {ColumnRendering.Differences(duckColumn.Values, ours)}");
            Assert.Equal(ColumnRendering.FamilyOf(duckColumn.DuckType), ColumnRendering.FamilyOf(column.Info));
        }
    }

    [Fact]
    public void Keeps_each_timestamp_column_unit_and_time_zone_flag()
    {
        using var reader = ParquetFileReader.Open(files.File("zstd", "V2"));

        Assert.Equal(ParquetTimeUnit.Micros, reader.Schema.Find("ts_us")!.TimeUnit);
        Assert.False(reader.Schema.Find("ts_us")!.IsAdjustedToUtc);
        Assert.Equal(ParquetTimeUnit.Nanos, reader.Schema.Find("ts_ns")!.TimeUnit);
        Assert.True(reader.Schema.Find("ts_tz")!.IsAdjustedToUtc);
        Assert.Equal(ParquetLogicalType.Date, reader.Schema.Find("day")!.LogicalType);
    }

    [Fact]
    public void Skips_row_groups_outside_a_time_range_by_their_statistics()
    {
        using var reader = ParquetFileReader.Open(files.File("snappy", "V1"));
        var all = reader.ReadColumn("ts_tz").GetValues<long>();
        var from = all[5000];
        var to = all[7000];

        var groups = reader.RowGroupsOverlapping("ts_tz", from, to);

        Assert.InRange(groups.Count, 1, reader.RowGroups.Count - 1);
        var selected = reader.ReadColumn("ts_tz", groups).GetValues<long>();
        Assert.Equal(all.Where(t => t >= from && t <= to), selected.Where(t => t >= from && t <= to));
        Assert.Equal(groups.Sum(g => reader.RowGroups[g].RowCount), reader.ReadColumn("close", groups).Count);
    }
}
