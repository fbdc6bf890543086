namespace QuantCluster.Data.Parquet;

/// <summary>A write-only stream wrapper that knows the file offset of the next byte, for the footer's offsets.</summary>
internal sealed class TrackedOutput(Stream stream)
{
    public long Position { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        Position += bytes.Length;
    }
}
