namespace QuantCluster.Data.Tests.Tables;

/// <summary>A file in memory that remembers which byte ranges were read from it.</summary>
internal sealed class RecordingStream(byte[] bytes) : MemoryStream(bytes)
{
    public List<(long Start, long End)> Reads { get; } = [];

    // A MemoryStream subclass routes span reads through this overload too.
    public override int Read(byte[] buffer, int offset, int count)
    {
        var start = Position;
        var read = base.Read(buffer, offset, count);
        Reads.Add((start, start + read));
        return read;
    }
}
