using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>
/// Where each column chunk lies in a file whose writer (DuckDB, ParquetSharp) lays the chunks
/// out one after another from byte 4 in row-group and column order, as they do: the footer gives
/// sizes but no offsets, so the offsets are their running sum.
/// </summary>
internal static class ChunkByteRanges
{
    /// <summary>Per row group, per flat column in schema order: [Start, End) in the file.</summary>
    public static (long Start, long End)[][] Of(ParquetFileReader reader)
    {
        long offset = 4;
        return [.. reader.RowGroups.Select(group => group.Columns.Select(chunk =>
        {
            var range = (offset, offset + chunk.CompressedSize);
            offset += chunk.CompressedSize;
            return range;
        }).ToArray())];
    }
}
