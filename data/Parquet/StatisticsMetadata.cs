namespace QuantCluster.Data.Parquet;

/// <summary>
/// The footer's Statistics struct, values still PLAIN-encoded. Min and Max are the deprecated
/// fields (signed comparison); MinValue and MaxValue follow the column's sort order.
/// </summary>
internal sealed class StatisticsMetadata
{
    public byte[]? Max { get; set; }

    public byte[]? Min { get; set; }

    public long? NullCount { get; set; }

    public long? DistinctCount { get; set; }

    public byte[]? MaxValue { get; set; }

    public byte[]? MinValue { get; set; }

    public static StatisticsMetadata Read(ref ThriftCompactReader reader)
    {
        var stats = new StatisticsMetadata();
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.Binary:
                    stats.Max = reader.ReadBinary().ToArray();
                    break;
                case 2 when type == ThriftCompactType.Binary:
                    stats.Min = reader.ReadBinary().ToArray();
                    break;
                case 3 when type == ThriftCompactType.I64:
                    stats.NullCount = reader.ReadI64();
                    break;
                case 4 when type == ThriftCompactType.I64:
                    stats.DistinctCount = reader.ReadI64();
                    break;
                case 5 when type == ThriftCompactType.Binary:
                    stats.MaxValue = reader.ReadBinary().ToArray();
                    break;
                case 6 when type == ThriftCompactType.Binary:
                    stats.MinValue = reader.ReadBinary().ToArray();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return stats;
    }

    public void Write(ThriftCompactWriter writer)
    {
        short last = 0;
        if (Max is not null)
            writer.WriteBinaryField(ref last, 1, Max);
        if (Min is not null)
            writer.WriteBinaryField(ref last, 2, Min);
        if (NullCount is { } nulls)
            writer.WriteI64Field(ref last, 3, nulls);
        if (DistinctCount is { } distinct)
            writer.WriteI64Field(ref last, 4, distinct);
        if (MaxValue is not null)
            writer.WriteBinaryField(ref last, 5, MaxValue);
        if (MinValue is not null)
            writer.WriteBinaryField(ref last, 6, MinValue);
        writer.WriteStop();
    }
}
