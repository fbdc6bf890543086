using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// UTF-8 text. Rows of a dictionary-encoded chunk point at their dictionary entry's bytes, so
/// equal addresses decode once and share one string: a million-row symbol column costs a few
/// strings, and the bar reader compares most symbols by reference.
/// </summary>
internal sealed class TextValues(int rows) : ByteValues<string>(rows)
{
    // Plain-encoded text has a new address per row: past this many entries the cache is no help.
    private const int CacheLimit = 1 << 12;
    private readonly Dictionary<(IntPtr, int), string> _decoded = [];

    public override void StartChunk() => _decoded.Clear();

    public override unsafe void Set(int row, ByteArray value)
    {
        var key = (value.Pointer, value.Length);
        if (!_decoded.TryGetValue(key, out var text))
        {
            text = value.Length == 0 ? "" : System.Text.Encoding.UTF8.GetString((byte*)value.Pointer, value.Length);
            if (_decoded.Count < CacheLimit)
            {
                _decoded[key] = text;
            }
        }

        Values[row] = text;
    }
}
