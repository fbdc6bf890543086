using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>A time range reads only the row groups whose timestamp statistics overlap it.</summary>
public sealed class ParquetBarTimeRangeTests(DuckDbBarFiles files) : IClassFixture<DuckDbBarFiles>
{
    [Theory]
    [InlineData("row_groups")]
    [InlineData("epoch_row_groups")]
    public void Reads_only_the_row_groups_that_overlap_the_range(string file)
    {
        using var stream = new RecordingStream(File.ReadAllBytes(files.File(file)));
        using var reader = ParquetFileReader.Open(stream, leaveOpen: true);
        stream.Reads.Clear();

        var bars = ParquetBarReader.Read(reader, file, null, Time(5000), Time(6999));

        Assert.Equal(2000, bars.Count);
        Assert.Equal(DuckDbBarFiles.ExpectedBar(5000).Ts, bars.Timestamps[0]);
        Assert.Equal(DuckDbBarFiles.ExpectedBar(6999).Close, bars.Close[^1]);
        Assert.True(reader.RowGroups.Count >= 8, $"DuckDB wrote {reader.RowGroups.Count} row groups");
        Assert.Equal(GroupsHolding(reader, 5000, 6999), GroupsRead(reader, stream.Reads));
    }

    [Fact]
    public void Includes_both_ends_of_the_range()
    {
        var bars = ParquetBarReader.Read(files.File("two_symbols"), "MSFT", Time(10), Time(12));

        Assert.Equal([DuckDbBarFiles.ExpectedBar(10).Ts, DuckDbBarFiles.ExpectedBar(11).Ts, DuckDbBarFiles.ExpectedBar(12).Ts], bars.Timestamps);
    }

    [Fact]
    public void Refuses_a_range_that_holds_no_bars()
    {
        var error = Assert.Throws<BarDataException>(() => ParquetBarReader.Read(files.File("ts_us"), null, Time(-10), Time(-1)));

        Assert.Equal("ts_us.parquet: no bars between 2024-01-02T09:20:00Z and 2024-01-02T09:29:00Z", error.Message);
    }

    [Fact]
    public void Checks_nulls_only_within_the_range()
    {
        Assert.Equal(41, ParquetBarReader.Read(files.File("null_close"), null, to: Time(40)).Count);
    }

    private static DateTime Time(int bar) => DateTime.UnixEpoch.AddTicks(DuckDbBarFiles.ExpectedBar(bar).Ts * 10);

    private static int[] GroupsHolding(ParquetFileReader reader, long firstRow, long lastRow)
    {
        long start = 0;
        var groups = new List<int>();
        foreach (var group in reader.RowGroups)
        {
            if (start <= lastRow && start + group.RowCount > firstRow)
            {
                groups.Add(group.Index);
            }

            start += group.RowCount;
        }

        return [.. groups];
    }

    private static int[] GroupsRead(ParquetFileReader reader, IEnumerable<(long Start, long End)> reads)
    {
        var chunks = ChunkByteRanges.Of(reader);
        return [.. reader.RowGroups
            .Where(g => chunks[g.Index].Any(c => reads.Any(r => r.Start < c.End && r.End > c.Start)))
            .Select(g => g.Index)];
    }
}
