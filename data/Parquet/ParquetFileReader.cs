using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Reads flat columns from a Parquet file. Opening reads only the footer; each column read
/// fetches only that column's chunks of the chosen row groups. Reads through a path are safe
/// to run concurrently; reads through a stream are serialised on it.
/// </summary>
public sealed class ParquetFileReader : IDisposable
{
    private const int MagicLength = 4;
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly SafeFileHandle? _handle;
    private readonly Stream? _stream;
    private readonly bool _leaveOpen;
    private readonly long _length;

    private ParquetFileReader(SafeFileHandle? handle, Stream? stream, bool leaveOpen)
    {
        _handle = handle;
        _stream = stream;
        _leaveOpen = leaveOpen;
        _length = handle is not null ? RandomAccess.GetLength(handle) : stream!.Length;
        Metadata = ReadFooter(out var footerLength);
        DataEnd = _length - footerLength - 8;
        Schema = SchemaTreeReader.Build(Metadata.Schema);
        foreach (var group in Metadata.RowGroups)
        {
            if (group.Columns.Count != Schema.LeafCount)
                throw new ParquetFormatException($"a row group has {group.Columns.Count} column chunks but the schema has {Schema.LeafCount} leaf columns");
            if (group.NumRows < 0)
                throw new ParquetFormatException($"a row group has {group.NumRows} rows");
        }

        RowGroups = [.. Metadata.RowGroups.Select(DescribeRowGroup)];
    }

    public ParquetSchema Schema { get; }

    public long RowCount => Metadata.NumRows;

    public IReadOnlyList<ParquetRowGroupInfo> RowGroups { get; }

    public string? CreatedBy => Metadata.CreatedBy;

    internal FileMetadata Metadata { get; }

    /// <summary>Where the column chunks end and the footer begins.</summary>
    internal long DataEnd { get; }

    public static ParquetFileReader Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            return new ParquetFileReader(handle, null, false);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a Parquet file held in a stream, starting at position 0; a stream that cannot seek
    /// is copied to memory first.
    /// </summary>
    public static ParquetFileReader Open(Stream stream, bool leaveOpen = false)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (!leaveOpen)
                stream.Dispose();
            (stream, leaveOpen) = (copy, false);
        }

        try
        {
            return new ParquetFileReader(null, stream, leaveOpen);
        }
        catch
        {
            if (!leaveOpen)
                stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a flat column from one row group, or from all of them when <paramref name="rowGroup"/> is null.</summary>
    public ParquetColumn ReadColumn(string name, int? rowGroup = null) =>
        ReadColumn(name, rowGroup is { } index ? [index] : [.. Enumerable.Range(0, RowGroups.Count)]);

    /// <summary>Reads a flat column from the given row groups, concatenated in the order given.</summary>
    public ParquetColumn ReadColumn(string name, IReadOnlyList<int> rowGroups)
    {
        var column = Column(name);
        foreach (var index in rowGroups)
        {
            if ((uint)index >= (uint)RowGroups.Count)
                throw new ArgumentOutOfRangeException(nameof(rowGroups), index, $"the file has {RowGroups.Count} row groups");
        }

        return new ParquetColumnReader(this, column).Read(rowGroups);
    }

    /// <summary>
    /// The row groups that may hold a timestamp in [fromMicros, toMicros] (UTC microseconds,
    /// both ends inclusive), judged by the column's min/max statistics. A row group without
    /// usable statistics is always included.
    /// </summary>
    public IReadOnlyList<int> RowGroupsOverlapping(string timestampColumn, long fromMicros, long toMicros)
    {
        var column = Column(timestampColumn);
        if (column.LogicalType != ParquetLogicalType.Timestamp)
            throw new ArgumentException($"column '{timestampColumn}' is not a timestamp column", nameof(timestampColumn));
        var position = Schema.Columns.ToList().IndexOf(column);
        var result = new List<int>();
        foreach (var group in RowGroups)
        {
            var stats = group.Columns[position].Statistics;
            if (stats is { Min: long min, Max: long max } && (max < fromMicros || min > toMicros))
                continue;
            result.Add(group.Index);
        }

        return result;
    }

    public void Dispose()
    {
        _handle?.Dispose();
        if (!_leaveOpen)
            _stream?.Dispose();
    }

    internal void ReadAt(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > _length - destination.Length)
            throw new ParquetFormatException($"bytes {offset}..{offset + destination.Length} are past the end of the {_length}-byte file");
        if (_handle is not null)
        {
            while (!destination.IsEmpty)
            {
                var read = RandomAccess.Read(_handle, destination, offset);
                if (read == 0)
                    throw new ParquetFormatException($"file ended at byte {offset} while reading");
                destination = destination[read..];
                offset += read;
            }

            return;
        }

        lock (_stream!)
        {
            _stream.Position = offset;
            try
            {
                _stream.ReadExactly(destination);
            }
            catch (EndOfStreamException ex)
            {
                throw new ParquetFormatException($"stream ended before byte {offset + destination.Length}", ex);
            }
        }
    }

    private FileMetadata ReadFooter(out int footerLength)
    {
        if (_length == 0)
            throw new ParquetFormatException("not a Parquet file: the file is empty (0 bytes)");
        if (_length < 12)
            throw new ParquetFormatException($"not a Parquet file: {_length} bytes is shorter than the 12-byte minimum");
        Span<byte> head = stackalloc byte[MagicLength];
        ReadAt(0, head);
        if (!head.SequenceEqual(Magic))
            throw new ParquetFormatException($"not a Parquet file: wrong magic at the start, expected PAR1, found {Convert.ToHexString(head)}");
        Span<byte> tail = stackalloc byte[8];
        ReadAt(_length - 8, tail);
        if (tail[4..].SequenceEqual("PARE"u8))
            throw new ParquetFormatException("encrypted Parquet files (PARE footer) are not supported");
        if (!tail[4..].SequenceEqual(Magic))
            throw new ParquetFormatException($"wrong magic at the end, expected PAR1, found {Convert.ToHexString(tail[4..])}: the file is truncated or not Parquet");
        footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > _length - 12)
            throw new ParquetFormatException($"footer length {footerLength} points past the start of the {_length}-byte file");
        var footerStart = _length - 8 - footerLength;
        var footer = new byte[footerLength];
        ReadAt(footerStart, footer);
        var metadata = FileMetadata.Read(footer, footerStart);
        if (metadata.IsEncrypted)
            throw new ParquetFormatException("encrypted Parquet files are not supported");
        if (metadata.NumRows < 0)
            throw new ParquetFormatException($"footer says the file has {metadata.NumRows} rows");
        return metadata;
    }

    private ParquetColumnInfo Column(string name)
    {
        if (Schema.Find(name) is { } column)
            return column;
        if (Schema.IsNested(name))
            throw new ParquetFormatException($"column '{name}' is nested (under a list, map or repeated field); reading nested columns is not supported");
        throw new ArgumentException($"the file has no column named '{name}'", nameof(name));
    }

    private ParquetRowGroupInfo DescribeRowGroup(RowGroupMetadata group, int index)
    {
        var columns = Schema.Columns.Select(column =>
        {
            var chunk = group.Columns[column.LeafIndex];
            return new ParquetColumnChunkInfo(
                column.Name,
                chunk.Codec,
                chunk.Encodings,
                chunk.NumValues,
                chunk.TotalCompressedSize,
                chunk.TotalUncompressedSize,
                chunk.DataPageOffset,
                chunk.DictionaryPageOffset,
                ColumnStatisticsDecoder.Decode(column, chunk.Statistics));
        });
        return new ParquetRowGroupInfo(index, group.NumRows, group.TotalByteSize, [.. columns]);
    }
}
