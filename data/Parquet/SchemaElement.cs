namespace QuantCluster.Data.Parquet;

/// <summary>One node of the footer's depth-first schema list.</summary>
internal sealed class SchemaElement
{
    public const int Required = 0;
    public const int Optional = 1;
    public const int Repeated = 2;

    public ParquetPhysicalType? Type { get; set; }

    public int? TypeLength { get; set; }

    public int? RepetitionType { get; set; }

    public string Name { get; set; } = "";

    public int NumChildren { get; set; }

    public int? ConvertedType { get; set; }

    public LogicalTypeAnnotation? LogicalType { get; set; }

    public static SchemaElement Read(ref ThriftCompactReader reader)
    {
        var element = new SchemaElement();
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    element.Type = (ParquetPhysicalType)reader.ReadI32();
                    break;
                case 2 when type == ThriftCompactType.I32:
                    element.TypeLength = reader.ReadI32();
                    break;
                case 3 when type == ThriftCompactType.I32:
                    element.RepetitionType = reader.ReadI32();
                    break;
                case 4 when type == ThriftCompactType.Binary:
                    element.Name = reader.ReadString();
                    break;
                case 5 when type == ThriftCompactType.I32:
                    element.NumChildren = reader.ReadI32();
                    break;
                case 6 when type == ThriftCompactType.I32:
                    element.ConvertedType = reader.ReadI32();
                    break;
                case 10 when type == ThriftCompactType.Struct:
                    element.LogicalType = LogicalTypeAnnotation.Read(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return element;
    }

    public void Write(ThriftCompactWriter writer)
    {
        short last = 0;
        if (Type is { } physical)
            writer.WriteI32Field(ref last, 1, (int)physical);
        if (TypeLength is { } length)
            writer.WriteI32Field(ref last, 2, length);
        if (RepetitionType is { } repetition)
            writer.WriteI32Field(ref last, 3, repetition);
        writer.WriteStringField(ref last, 4, Name);
        if (NumChildren > 0)
            writer.WriteI32Field(ref last, 5, NumChildren);
        if (ConvertedType is { } converted)
            writer.WriteI32Field(ref last, 6, converted);
        if (LogicalType is { } logical)
        {
            writer.WriteFieldHeader(ref last, 10, ThriftCompactType.Struct);
            logical.Write(writer);
        }

        writer.WriteStop();
    }
}
