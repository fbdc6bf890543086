using System.Runtime.InteropServices;
using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// A column chunk's footer statistics in the column's value type (timestamps in UTC
/// microseconds). ParquetSharp already drops statistics a writer is known to have ordered
/// wrongly; INT96 statistics were never well defined, so they are not used.
/// </summary>
internal static class ChunkStatistics
{
    public static ParquetColumnStatistics? Of(ColumnChunkMetaData chunk, ParquetColumnInfo column)
    {
        if (!chunk.IsStatsSet)
        {
            return null;
        }

        using var statistics = chunk.Statistics;
        if (statistics is null)
        {
            return null;
        }

        var (min, max) = statistics.HasMinMax ? (Value(statistics, column, min: true), Value(statistics, column, min: false)) : (null, null);
        return new ParquetColumnStatistics(min, max, statistics.NullCount, statistics.DistinctCount > 0 ? statistics.DistinctCount : null);
    }

    private static object? Value(Statistics statistics, ParquetColumnInfo column, bool min) => statistics switch
    {
        Statistics<bool> s => min ? s.Min : s.Max,
        Statistics<int> s => min ? s.Min : s.Max,
        Statistics<long> s when column.IsInt64Timestamp => TimestampConversion.ToMicros(min ? s.Min : s.Max, column.TimeUnit!.Value),
        Statistics<long> s => min ? s.Min : s.Max,
        Statistics<float> s => min ? s.Min : s.Max,
        Statistics<double> s => min ? s.Min : s.Max,
        Statistics<ByteArray> s when column.ValueType == typeof(string) => Text(min ? s.Min : s.Max),
        Statistics<ByteArray> s => Bytes(min ? s.Min : s.Max),
        Statistics<FixedLenByteArray> s => Bytes(min ? s.Min : s.Max, column.TypeLength),
        _ => null,
    };

    private static unsafe string Text(ByteArray value) =>
        value.Length == 0 ? "" : System.Text.Encoding.UTF8.GetString((byte*)value.Pointer, value.Length);

    private static byte[] Bytes(ByteArray value) => Bytes(value.Pointer, value.Length);

    private static byte[] Bytes(FixedLenByteArray value, int length) => Bytes(value.Pointer, length);

    private static byte[] Bytes(IntPtr pointer, int length)
    {
        var bytes = new byte[length];
        if (length > 0)
        {
            Marshal.Copy(pointer, bytes, 0, length);
        }

        return bytes;
    }
}
