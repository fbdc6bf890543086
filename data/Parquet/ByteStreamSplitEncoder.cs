namespace QuantCluster.Data.Parquet;

/// <summary>BYTE_STREAM_SPLIT encoding, the inverse of <see cref="ByteStreamSplitDecoder"/>.</summary>
internal static class ByteStreamSplitEncoder
{
    public static void Encode(ReadOnlySpan<byte> values, Span<byte> destination, int width)
    {
        var count = values.Length / width;
        for (var stream = 0; stream < width; stream++)
        {
            var target = destination.Slice(stream * count, count);
            for (var i = 0; i < count; i++)
                target[i] = values[(i * width) + stream];
        }
    }
}
