using System.Buffers.Binary;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Statistics for a written column chunk. Signed types fill both the deprecated min/max (signed
/// order) and min_value/max_value; strings only the latter, as their deprecated order was wrong.
/// </summary>
internal static class ChunkStatistics
{
    public static StatisticsMetadata ForInt64(long[] values, ParquetWriteColumn column, int start, int count)
    {
        long min = long.MaxValue, max = long.MinValue, nulls = 0;
        for (var row = start; row < start + count; row++)
        {
            if (column.IsNull(row))
            {
                nulls++;
                continue;
            }

            min = Math.Min(min, values[row]);
            max = Math.Max(max, values[row]);
        }

        return nulls == count ? new() { NullCount = nulls } : Signed(Int64Bytes(min), Int64Bytes(max), nulls);
    }

    public static StatisticsMetadata ForDouble(double[] values, ParquetWriteColumn column, int start, int count)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        long nulls = 0, ordered = 0;
        for (var row = start; row < start + count; row++)
        {
            if (column.IsNull(row))
            {
                nulls++;
            }
            else if (!double.IsNaN(values[row]))
            {
                // NaN has no place in an order, so the format leaves it out of min and max.
                ordered++;
                min = Math.Min(min, values[row]);
                max = Math.Max(max, values[row]);
            }
        }

        if (ordered == 0)
            return new() { NullCount = nulls };

        // The format asks for -0.0 as a zero minimum and +0.0 as a zero maximum, so a reader
        // filtering on either zero keeps the chunk.
        if (min == 0)
            min = -0.0;
        if (max == 0)
            max = 0.0;
        return Signed(DoubleBytes(min), DoubleBytes(max), nulls);
    }

    /// <summary>Strings compare as unsigned bytes of their UTF-8, over the chunk's dictionary.</summary>
    public static StatisticsMetadata ForStrings(IReadOnlyList<byte[]> dictionary, long nulls)
    {
        if (dictionary.Count == 0)
            return new() { NullCount = nulls };
        var min = dictionary[0];
        var max = dictionary[0];
        foreach (var entry in dictionary)
        {
            if (entry.AsSpan().SequenceCompareTo(min) < 0)
                min = entry;
            if (entry.AsSpan().SequenceCompareTo(max) > 0)
                max = entry;
        }

        return new() { MinValue = min, MaxValue = max, NullCount = nulls, DistinctCount = dictionary.Count };
    }

    private static StatisticsMetadata Signed(byte[] min, byte[] max, long nulls) =>
        new() { Min = min, Max = max, MinValue = min, MaxValue = max, NullCount = nulls };

    private static byte[] Int64Bytes(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] DoubleBytes(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }
}
