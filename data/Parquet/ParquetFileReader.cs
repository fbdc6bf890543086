using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Reads flat columns from a Parquet file through ParquetSharp (Apache Arrow's C++ Parquet).
/// Opening reads only the footer; each column read decodes only that column's chunks of the
/// chosen row groups. Any failure of the file (corrupt, truncated, not Parquet, an unsupported
/// feature) is a <see cref="ParquetFormatException"/> with a one-line message. Reads are
/// serialised on the one native reader, so one instance may be shared between threads.
/// </summary>
public sealed class ParquetFileReader : IDisposable
{
    private readonly ParquetSharp.ParquetFileReader _file;
    private readonly Lock _gate = new();

    private ParquetFileReader(ParquetSharp.ParquetFileReader file)
    {
        _file = file;
        // The reader owns its metadata object and disposes it with itself.
        var metadata = file.FileMetaData;
        Schema = ParquetSchema.Of(metadata.Schema);
        RowCount = metadata.NumRows;
        CreatedBy = metadata.CreatedBy;
        if (RowCount < 0)
        {
            throw new ParquetFormatException($"the footer says the file has {RowCount} rows");
        }

        RowGroups = [.. Enumerable.Range(0, metadata.NumRowGroups).Select(DescribeRowGroup)];
    }

    public ParquetSchema Schema { get; }

    public long RowCount { get; }

    public IReadOnlyList<ParquetRowGroupInfo> RowGroups { get; }

    public string? CreatedBy { get; }

    public static ParquetFileReader Open(string path)
    {
        using (var head = File.OpenRead(path))
        {
            CheckStart(head);
        }

        return Open(() => new ParquetSharp.ParquetFileReader(path, VerifyingChecksums()));
    }

    /// <summary>Opens a Parquet file held in a seekable stream, from position 0.</summary>
    public static ParquetFileReader Open(Stream stream, bool leaveOpen = false)
    {
        CheckStart(stream);
        return Open(() => new ParquetSharp.ParquetFileReader(stream, VerifyingChecksums(), leaveOpen));
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
            {
                throw new ArgumentOutOfRangeException(nameof(rowGroups), index, $"the file has {RowGroups.Count} row groups");
            }
        }

        lock (_gate)
        {
            return new ParquetColumnReader(_file, column, RowGroups).Read(rowGroups);
        }
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
        {
            throw new ArgumentException($"column '{timestampColumn}' is not a timestamp column", nameof(timestampColumn));
        }

        return [.. RowGroups
            .Where(g => g.Column(column.Name).Statistics is not { Min: long min, Max: long max } || (max >= fromMicros && min <= toMicros))
            .Select(g => g.Index)];
    }

    public void Dispose() => _file.Dispose();

    private static ParquetFileReader Open(Func<ParquetSharp.ParquetFileReader> open)
    {
        ParquetSharp.ParquetFileReader? file = null;
        try
        {
            file = open();
            return new ParquetFileReader(file);
        }
        catch (ParquetException e)
        {
            file?.Dispose();
            throw new ParquetFormatException($"not a readable Parquet file: {FooterReason(ParquetExceptionMessage.Of(e))}", e);
        }
        catch
        {
            file?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Arrow reads a file from its footer and never looks at its first bytes, so a file whose
    /// start was overwritten would read; it is refused, as DuckDB refuses it.
    /// </summary>
    private static void CheckStart(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == head.Length && !head.SequenceEqual("PAR1"u8) && !head.SequenceEqual("PARE"u8))
        {
            throw new ParquetFormatException($"not a Parquet file: it starts with bytes {Convert.ToHexString(head)}, not the magic PAR1");
        }
    }

    // Arrow says only "thrift" when the footer's metadata does not decode.
    private static string FooterReason(string reason) =>
        reason.StartsWith("Couldn't deserialize thrift", StringComparison.Ordinal) ? $"corrupt footer: {reason}" : reason;

    // A page whose CRC does not match is refused rather than decoded into wrong values.
    private static ReaderProperties VerifyingChecksums()
    {
        var properties = ReaderProperties.GetDefaultReaderProperties();
        properties.EnablePageChecksumVerification();
        return properties;
    }

    private ParquetColumnInfo Column(string name)
    {
        if (Schema.Find(name) is { } column)
        {
            return column;
        }

        if (Schema.IsNested(name))
        {
            throw new ParquetFormatException($"column '{name}' is nested (under a list, map or repeated field); reading nested columns is not supported");
        }

        throw new ArgumentException($"the file has no column named '{name}'", nameof(name));
    }

    private ParquetRowGroupInfo DescribeRowGroup(int index)
    {
        using var group = _file.RowGroup(index);
        var metadata = group.MetaData;
        if (metadata.NumRows < 0)
        {
            throw new ParquetFormatException($"row group {index} has {metadata.NumRows} rows");
        }

        var columns = Schema.Columns.Select(column =>
        {
            using var chunk = metadata.GetColumnChunkMetaData(column.LeafIndex);
            return new ParquetColumnChunkInfo(
                column.Name,
                ParquetNames.CompressionOf(chunk.Compression),
                [.. chunk.Encodings.Select(ParquetNames.EncodingOf)],
                chunk.NumValues,
                chunk.TotalCompressedSize,
                chunk.TotalUncompressedSize,
                ChunkStatistics.Of(chunk, column));
        });
        return new ParquetRowGroupInfo(index, metadata.NumRows, metadata.TotalByteSize, [.. columns]);
    }
}
