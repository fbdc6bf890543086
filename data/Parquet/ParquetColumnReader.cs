using System.Buffers;
using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Reads one flat column over a set of row groups into a single typed array, with ParquetSharp's
/// physical column readers (the fastest path it has: no per-value conversion on its side). A
/// nullable column's values come back packed, the nulls left out, so they are spread to their
/// rows from the definition levels.
/// </summary>
internal sealed class ParquetColumnReader(ParquetSharp.ParquetFileReader file, ParquetColumnInfo column, IReadOnlyList<ParquetRowGroupInfo> groups)
{
    public ParquetColumn Read(IReadOnlyList<int> rowGroups)
    {
        long total = rowGroups.Sum(g => groups[g].RowCount);
        if (total > Array.MaxLength)
        {
            throw new ParquetFormatException($"column '{column.Name}' has {total} rows in the chosen row groups, more than one array holds");
        }

        var rows = (int)total;
        var nulls = column.IsNullable ? new bool[rows] : null;
        Array values = column.PhysicalType switch
        {
            ParquetPhysicalType.Boolean => ReadFixedWidth<bool>(rowGroups, rows, nulls),
            ParquetPhysicalType.Int32 => ReadFixedWidth<int>(rowGroups, rows, nulls),
            ParquetPhysicalType.Int64 when column.IsInt64Timestamp => TimestampConversion.ToMicros(ReadFixedWidth<long>(rowGroups, rows, nulls), column.TimeUnit!.Value),
            ParquetPhysicalType.Int64 => ReadFixedWidth<long>(rowGroups, rows, nulls),
            ParquetPhysicalType.Int96 => Int96Timestamps.ToMicros(ReadFixedWidth<Int96>(rowGroups, rows, nulls)),
            ParquetPhysicalType.Float => ReadFixedWidth<float>(rowGroups, rows, nulls),
            ParquetPhysicalType.Double => ReadFixedWidth<double>(rowGroups, rows, nulls),
            ParquetPhysicalType.ByteArray when column.ValueType == typeof(string) => ReadBytes<ByteArray, string>(rowGroups, rows, nulls, new TextValues(rows), value => value),
            ParquetPhysicalType.ByteArray => ReadBytes<ByteArray, byte[]>(rowGroups, rows, nulls, new BinaryValues(rows), value => value),
            _ => ReadBytes<FixedLenByteArray, byte[]>(rowGroups, rows, nulls, new BinaryValues(rows), value => new ByteArray(value.Pointer, column.TypeLength)),
        };
        return new ParquetColumn(column, values, nulls is not null && nulls.AsSpan().Contains(true) ? nulls : null);
    }

    private T[] ReadFixedWidth<T>(IReadOnlyList<int> rowGroups, int rows, bool[]? nulls)
        where T : unmanaged
    {
        // Every row is written (a null row with the default value), so the array need not be zeroed first.
        var values = GC.AllocateUninitializedArray<T>(rows);
        var levels = nulls is null ? null : ArrayPool<short>.Shared.Rent(rows);
        try
        {
            var row = 0;
            foreach (var index in rowGroups)
            {
                var count = (int)groups[index].RowCount;
                ReadChunk<ColumnReader<T>>(index, count, reader =>
                {
                    var read = 0;
                    while (read < count && reader.HasNext)
                    {
                        var destination = values.AsSpan(row + read, count - read);
                        if (levels is null)
                        {
                            read += (int)reader.ReadBatch(count - read, destination, out _);
                        }
                        else
                        {
                            var levelsRead = (int)reader.ReadBatch(count - read, levels.AsSpan(row + read, count - read), [], destination, out var valuesRead);
                            Spread(destination[..levelsRead], levels.AsSpan(row + read, levelsRead), (int)valuesRead, nulls.AsSpan(row + read, levelsRead));
                            read += levelsRead;
                        }
                    }

                    return read;
                });
                row += count;
            }

            return values;
        }
        finally
        {
            if (levels is not null)
            {
                ArrayPool<short>.Shared.Return(levels);
            }
        }
    }

    private T[] ReadBytes<TRaw, T>(IReadOnlyList<int> rowGroups, int rows, bool[]? nulls, ByteValues<T> values, Func<TRaw, ByteArray> bytes)
        where TRaw : unmanaged
    {
        const int Batch = 4096;
        var buffer = ArrayPool<TRaw>.Shared.Rent(Batch);
        var levels = ArrayPool<short>.Shared.Rent(Batch);
        try
        {
            var row = 0;
            foreach (var index in rowGroups)
            {
                var count = (int)groups[index].RowCount;
                var start = row;
                values.StartChunk();
                ReadChunk<ColumnReader<TRaw>>(index, count, reader =>
                {
                    var read = 0;
                    while (read < count && reader.HasNext)
                    {
                        var wanted = Math.Min(Batch, count - read);
                        long levelsRead, valuesRead;
                        if (nulls is null)
                        {
                            levelsRead = reader.ReadBatch(wanted, buffer.AsSpan(0, wanted), out valuesRead);
                        }
                        else
                        {
                            levelsRead = reader.ReadBatch(wanted, levels.AsSpan(0, wanted), [], buffer.AsSpan(0, wanted), out valuesRead);
                        }

                        // The bytes behind each ByteArray live only until the next batch, so they are copied now.
                        var next = 0;
                        for (var i = 0; i < levelsRead; i++)
                        {
                            if (nulls is not null && levels[i] < column.MaxDefinitionLevel)
                            {
                                nulls[start + read + i] = true;
                                continue;
                            }

                            if (next >= valuesRead)
                            {
                                throw new ParquetFormatException("the definition levels count more values than the page holds");
                            }

                            values.Set(start + read + i, bytes(buffer[next++]));
                        }

                        read += (int)levelsRead;
                    }

                    return read;
                });
                row += count;
            }

            return values.Values;
        }
        finally
        {
            ArrayPool<TRaw>.Shared.Return(buffer);
            ArrayPool<short>.Shared.Return(levels);
        }
    }

    /// <summary>Runs the read of one row group's chunk, which must yield exactly the group's rows; ParquetSharp's failures become one-line ones naming the column.</summary>
    private void ReadChunk<TReader>(int index, int count, Func<TReader, int> read)
        where TReader : ColumnReader
    {
        try
        {
            using var group = file.RowGroup(index);
            using var reader = group.Column(column.LeafIndex);
            var rows = read((TReader)reader);
            if (rows != count)
            {
                throw new ParquetFormatException($"the chunk holds {rows} values but the row group has {count} rows");
            }
        }
        catch (ParquetException e)
        {
            throw new ParquetFormatException($"column '{column.Name}', row group {index}: {ParquetExceptionMessage.Of(e)}", e);
        }
        catch (ParquetFormatException e) when (!e.Message.StartsWith("column '", StringComparison.Ordinal))
        {
            throw new ParquetFormatException($"column '{column.Name}', row group {index}: {e.Message}", e);
        }
    }

    /// <summary>Moves the packed non-null values to their rows, from the last backwards so that none is overwritten before it moves.</summary>
    private void Spread<T>(Span<T> values, ReadOnlySpan<short> levels, int valuesRead, Span<bool> nulls)
        where T : unmanaged
    {
        if (valuesRead == levels.Length)
        {
            return;
        }

        var next = valuesRead;
        for (var i = levels.Length - 1; i >= 0; i--)
        {
            if (levels[i] == column.MaxDefinitionLevel)
            {
                values[i] = values[--next];
            }
            else
            {
                values[i] = default;
                nulls[i] = true;
            }
        }
    }
}
