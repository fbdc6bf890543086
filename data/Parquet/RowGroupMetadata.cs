namespace QuantCluster.Data.Parquet;

/// <summary>A footer RowGroup: one column chunk per leaf column, in schema order.</summary>
internal sealed class RowGroupMetadata
{
    public List<ColumnChunkMetadata> Columns { get; } = [];

    public long TotalByteSize { get; set; }

    public long NumRows { get; set; }

    public long? FileOffset { get; set; }

    public long? TotalCompressedSize { get; set; }

    public short? Ordinal { get; set; }

    public static RowGroupMetadata Read(ref ThriftCompactReader reader)
    {
        var group = new RowGroupMetadata();
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.List:
                    var count = reader.ReadListHeader(out var elementType);
                    for (var i = 0; i < count; i++)
                    {
                        if (elementType != ThriftCompactType.Struct)
                            throw reader.Corrupt($"row group column list holds type {(int)elementType}, not structs");
                        group.Columns.Add(ColumnChunkMetadata.Read(ref reader));
                    }

                    break;
                case 2 when type == ThriftCompactType.I64:
                    group.TotalByteSize = reader.ReadI64();
                    break;
                case 3 when type == ThriftCompactType.I64:
                    group.NumRows = reader.ReadI64();
                    break;
                case 5 when type == ThriftCompactType.I64:
                    group.FileOffset = reader.ReadI64();
                    break;
                case 6 when type == ThriftCompactType.I64:
                    group.TotalCompressedSize = reader.ReadI64();
                    break;
                case 7 when type == ThriftCompactType.I16:
                    group.Ordinal = (short)reader.ReadI32();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return group;
    }

    public void Write(ThriftCompactWriter writer)
    {
        short last = 0;
        writer.WriteFieldHeader(ref last, 1, ThriftCompactType.List);
        writer.WriteListHeader(ThriftCompactType.Struct, Columns.Count);
        foreach (var column in Columns)
            column.Write(writer);
        writer.WriteI64Field(ref last, 2, TotalByteSize);
        writer.WriteI64Field(ref last, 3, NumRows);
        if (FileOffset is { } fileOffset)
            writer.WriteI64Field(ref last, 5, fileOffset);
        if (TotalCompressedSize is { } compressed)
            writer.WriteI64Field(ref last, 6, compressed);
        if (Ordinal is { } ordinal)
        {
            writer.WriteFieldHeader(ref last, 7, ThriftCompactType.I16);
            writer.WriteI32(ordinal);
        }

        writer.WriteStop();
    }
}
