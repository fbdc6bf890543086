using ParquetSharp;
using ParquetSharp.Schema;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Writes a flat table of equal-length columns as a Parquet file through ParquetSharp: row groups
/// of <see cref="ParquetWriterOptions.RowGroupSize"/> rows, with column statistics so readers
/// can skip row groups by time.
/// </summary>
public static class ParquetFileWriter
{
    public static void Write(string path, IReadOnlyList<ParquetWriteColumn> columns, ParquetWriterOptions? options = null)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file, columns, options);
    }

    public static void Write(Stream stream, IReadOnlyList<ParquetWriteColumn> columns, ParquetWriterOptions? options = null)
    {
        options ??= new ParquetWriterOptions();
        Validate(columns, options);
        try
        {
            WriteFile(stream, columns, options);
        }
        catch (ParquetException e)
        {
            throw new ParquetFormatException($"writing Parquet failed: {ParquetExceptionMessage.Of(e)}", e);
        }
    }

    private static void WriteFile(Stream stream, IReadOnlyList<ParquetWriteColumn> columns, ParquetWriterOptions options)
    {
        var nodes = columns.Select(NodeOf).ToArray();
        using var schema = new GroupNode("schema", Repetition.Required, nodes);
        using var properties = PropertiesOf(columns, options);
        using var file = new ParquetSharp.ParquetFileWriter(stream, schema, properties, keyValueMetadata: null, leaveOpen: true);
        var rows = columns[0].Count;
        for (var start = 0; start < rows; start += options.RowGroupSize)
        {
            var count = Math.Min(options.RowGroupSize, rows - start);
            using var group = file.AppendRowGroup();
            foreach (var column in columns)
            {
                using var writer = group.NextColumn();
                ParquetColumnWriter.Write(writer, column, start, count);
            }
        }

        file.Close();
        foreach (var node in nodes)
        {
            node.Dispose();
        }
    }

    private static WriterProperties PropertiesOf(IReadOnlyList<ParquetWriteColumn> columns, ParquetWriterOptions options)
    {
        using var builder = new WriterPropertiesBuilder()
            .Compression(ParquetNames.CodecOf(options.Compression))
            .MaxRowGroupLength(options.RowGroupSize)
            .CreatedBy(options.CreatedBy)
            .EnableStatistics()
            .EnablePageChecksum();
        foreach (var column in columns.Where(c => c.Kind == ParquetWriteKind.Double))
        {
            // Prices rarely repeat enough for a dictionary; PLAIN or BYTE_STREAM_SPLIT is what was asked.
            builder.DisableDictionary(column.Name);
            builder.Encoding(column.Name, options.DoubleEncoding == ParquetEncoding.ByteStreamSplit ? Encoding.ByteStreamSplit : Encoding.Plain);
        }

        return builder.Build();
    }

    private static PrimitiveNode NodeOf(ParquetWriteColumn column)
    {
        var repetition = column.IsOptional ? Repetition.Optional : Repetition.Required;
        using var logical = column.Kind switch
        {
            ParquetWriteKind.TimestampMicros => LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Micros),
            ParquetWriteKind.String => LogicalType.String(),
            _ => LogicalType.None(),
        };
        var physical = column.Kind switch
        {
            ParquetWriteKind.Double => PhysicalType.Double,
            ParquetWriteKind.String => PhysicalType.ByteArray,
            _ => PhysicalType.Int64,
        };
        return new PrimitiveNode(column.Name, repetition, logical, physical);
    }

    private static void Validate(IReadOnlyList<ParquetWriteColumn> columns, ParquetWriterOptions options)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("a Parquet file needs at least one column", nameof(columns));
        }

        if (columns.Any(c => c.Count != columns[0].Count))
        {
            throw new ArgumentException("all columns must have the same number of rows", nameof(columns));
        }

        if (columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw new ArgumentException("column names must be unique", nameof(columns));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowGroupSize, 1, nameof(options));
        if (options.DoubleEncoding is not (ParquetEncoding.Plain or ParquetEncoding.ByteStreamSplit))
        {
            throw new ArgumentException($"doubles can be written PLAIN or BYTE_STREAM_SPLIT, not {ParquetNames.Of(options.DoubleEncoding)}", nameof(options));
        }

        _ = ParquetNames.CodecOf(options.Compression);
    }
}
