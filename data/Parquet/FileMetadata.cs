namespace QuantCluster.Data.Parquet;

/// <summary>The footer's FileMetaData struct.</summary>
internal sealed class FileMetadata
{
    public int Version { get; set; }

    public List<SchemaElement> Schema { get; } = [];

    public long NumRows { get; set; }

    public List<RowGroupMetadata> RowGroups { get; } = [];

    public string? CreatedBy { get; set; }

    /// <summary>Written as TYPE_ORDER for every leaf, so readers trust min_value/max_value.</summary>
    public int ColumnOrderCount { get; set; }

    public bool IsEncrypted { get; set; }

    public static FileMetadata Read(ReadOnlySpan<byte> footer, long footerOffset)
    {
        var reader = new ThriftCompactReader(footer, footerOffset, "footer");
        var metadata = new FileMetadata();
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    metadata.Version = reader.ReadI32();
                    break;
                case 2 when type == ThriftCompactType.List:
                    var elements = reader.ReadListHeader(out var elementType);
                    for (var i = 0; i < elements; i++)
                    {
                        if (elementType != ThriftCompactType.Struct)
                            throw reader.Corrupt($"schema list holds type {(int)elementType}, not structs");
                        metadata.Schema.Add(SchemaElement.Read(ref reader));
                    }

                    break;
                case 3 when type == ThriftCompactType.I64:
                    metadata.NumRows = reader.ReadI64();
                    break;
                case 4 when type == ThriftCompactType.List:
                    var groups = reader.ReadListHeader(out var groupType);
                    for (var i = 0; i < groups; i++)
                    {
                        if (groupType != ThriftCompactType.Struct)
                            throw reader.Corrupt($"row group list holds type {(int)groupType}, not structs");
                        metadata.RowGroups.Add(RowGroupMetadata.Read(ref reader));
                    }

                    break;
                case 6 when type == ThriftCompactType.Binary:
                    metadata.CreatedBy = reader.ReadString();
                    break;
                case 8 or 9:
                    metadata.IsEncrypted = true;
                    reader.Skip(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return metadata;
    }

    public void Write(ThriftCompactWriter writer)
    {
        short last = 0;
        writer.WriteI32Field(ref last, 1, Version);
        writer.WriteFieldHeader(ref last, 2, ThriftCompactType.List);
        writer.WriteListHeader(ThriftCompactType.Struct, Schema.Count);
        foreach (var element in Schema)
            element.Write(writer);
        writer.WriteI64Field(ref last, 3, NumRows);
        writer.WriteFieldHeader(ref last, 4, ThriftCompactType.List);
        writer.WriteListHeader(ThriftCompactType.Struct, RowGroups.Count);
        foreach (var group in RowGroups)
            group.Write(writer);
        if (CreatedBy is not null)
            writer.WriteStringField(ref last, 6, CreatedBy);
        if (ColumnOrderCount > 0)
        {
            writer.WriteFieldHeader(ref last, 7, ThriftCompactType.List);
            writer.WriteListHeader(ThriftCompactType.Struct, ColumnOrderCount);
            for (var i = 0; i < ColumnOrderCount; i++)
            {
                short order = 0;
                writer.WriteFieldHeader(ref order, 1, ThriftCompactType.Struct);
                writer.WriteStop();
                writer.WriteStop();
            }
        }

        writer.WriteStop();
    }
}
