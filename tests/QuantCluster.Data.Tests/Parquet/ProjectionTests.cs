using QuantCluster.Data.Parquet;
using QuantCluster.Data.Tests.Tables;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>Reading a column touches only its chunks; a time range touches only overlapping row groups.</summary>
public sealed class ProjectionTests
{
    private const long Minute = 60_000_000;

    [Fact]
    public void Reads_only_the_footer_and_the_chunks_of_the_column_asked_for()
    {
        var bytes = WriteBars(rows: 3000, rowGroupSize: 1000);
        var stream = new RecordingStream(bytes);
        using var reader = ParquetFileReader.Open(stream, leaveOpen: true);
        stream.Reads.Clear();

        reader.ReadColumn("close");

        var close = reader.Schema.Columns.ToList().FindIndex(c => c.Name == "close");
        var allowed = ChunkByteRanges.Of(reader).Select(group => group[close]).ToArray();
        Assert.NotEmpty(stream.Reads);
        Assert.All(stream.Reads, read => Assert.Contains(allowed, a => read.Start >= a.Start && read.End <= a.End));
        Assert.All(allowed, chunk => Assert.Contains(stream.Reads, read => read.Start < chunk.End && read.End > chunk.Start));
    }

    [Fact]
    public void Picks_the_row_groups_whose_timestamp_range_overlaps_the_request()
    {
        var bytes = WriteBars(rows: 5000, rowGroupSize: 1000);
        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));
        var start = 1_700_000_000_000_000L;

        Assert.Equal([1, 2], reader.RowGroupsOverlapping("ts", start + (1500 * Minute), start + (2000 * Minute)));
        Assert.Equal([4], reader.RowGroupsOverlapping("ts", start + (4999 * Minute), long.MaxValue));
        Assert.Empty(reader.RowGroupsOverlapping("ts", long.MinValue, start - 1));
        var groups = reader.RowGroupsOverlapping("ts", start + (1500 * Minute), start + (2000 * Minute));
        var ts = reader.ReadColumn("ts", groups).GetValues<long>();
        Assert.Equal(start + (1000 * Minute), ts[0]);
        Assert.Equal(2000, ts.Length);
        Assert.Throws<ArgumentException>(() => reader.RowGroupsOverlapping("close", 0, 1));
    }

    private static byte[] WriteBars(int rows, int rowGroupSize)
    {
        var stream = new MemoryStream();
        ParquetFileWriter.Write(
            stream,
            [
                ParquetWriteColumn.Timestamp("ts", [.. Enumerable.Range(0, rows).Select(i => 1_700_000_000_000_000L + (i * Minute))]),
                ParquetWriteColumn.Double("close", [.. Enumerable.Range(0, rows).Select(i => 100.0 + i)]),
                ParquetWriteColumn.Int64("volume", [.. Enumerable.Range(0, rows).Select(i => (long)i)]),
            ],
            new ParquetWriterOptions { RowGroupSize = rowGroupSize });
        return stream.ToArray();
    }
}
