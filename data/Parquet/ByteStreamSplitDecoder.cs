namespace QuantCluster.Data.Parquet;

/// <summary>
/// BYTE_STREAM_SPLIT: byte k of every value is stored in stream k, the streams one after the
/// other, each as long as the number of values.
/// </summary>
internal static class ByteStreamSplitDecoder
{
    /// <summary>Reassembles <paramref name="count"/> values of <paramref name="width"/> bytes.</summary>
    public static void Decode(ReadOnlySpan<byte> data, Span<byte> destination, int width, int count)
    {
        if ((long)width * count > data.Length)
            throw new ParquetFormatException($"BYTE_STREAM_SPLIT data of {data.Length} bytes is too short for {count} values of {width} bytes");
        for (var stream = 0; stream < width; stream++)
        {
            var source = data.Slice(stream * count, count);
            for (var i = 0; i < count; i++)
                destination[(i * width) + stream] = source[i];
        }
    }
}
