using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>Writes one row group's rows of a column through ParquetSharp's physical writers.</summary>
internal static class ParquetColumnWriter
{
    public static void Write(ColumnWriter writer, ParquetWriteColumn column, int start, int count)
    {
        switch (column.Kind)
        {
            case ParquetWriteKind.Double:
                WriteFixedWidth((ColumnWriter<double>)writer, column, (double[])column.Values, start, count);
                break;
            case ParquetWriteKind.String:
                // The logical writer turns a null string into a null row of an optional column.
                using (var strings = writer.LogicalWriter<string?>())
                {
                    strings.WriteBatch((string?[])column.Values, start, count);
                }

                break;
            default:
                WriteFixedWidth((ColumnWriter<long>)writer, column, (long[])column.Values, start, count);
                break;
        }
    }

    /// <summary>An optional column takes its non-null values packed together, with a definition level per row.</summary>
    private static void WriteFixedWidth<T>(ColumnWriter<T> writer, ParquetWriteColumn column, T[] values, int start, int count)
        where T : unmanaged
    {
        var rows = values.AsSpan(start, count);
        if (!column.IsOptional)
        {
            writer.WriteBatch(rows);
            return;
        }

        var levels = new short[count];
        var packed = new T[count];
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            if (!column.IsNull(start + i))
            {
                levels[i] = 1;
                packed[next++] = rows[i];
            }
        }

        writer.WriteBatch(count, levels, [], packed.AsSpan(0, next));
    }
}
