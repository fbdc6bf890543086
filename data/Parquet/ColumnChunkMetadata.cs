namespace QuantCluster.Data.Parquet;

/// <summary>A footer ColumnChunk with its ColumnMetaData fields folded in.</summary>
internal sealed class ColumnChunkMetadata
{
    public string? FilePath { get; set; }

    public long FileOffset { get; set; }

    public bool HasMetadata { get; set; }

    public bool IsEncrypted { get; set; }

    public ParquetPhysicalType Type { get; set; }

    public List<ParquetEncoding> Encodings { get; } = [];

    public List<string> PathInSchema { get; } = [];

    public ParquetCompression Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public long DataPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }

    public StatisticsMetadata? Statistics { get; set; }

    public static ColumnChunkMetadata Read(ref ThriftCompactReader reader)
    {
        var chunk = new ColumnChunkMetadata();
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.Binary:
                    chunk.FilePath = reader.ReadString();
                    break;
                case 2 when type == ThriftCompactType.I64:
                    chunk.FileOffset = reader.ReadI64();
                    break;
                case 3 when type == ThriftCompactType.Struct:
                    chunk.ReadColumnMetaData(ref reader);
                    break;
                case 8 or 9:
                    chunk.IsEncrypted = true;
                    reader.Skip(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return chunk;
    }

    public void Write(ThriftCompactWriter writer)
    {
        short last = 0;
        writer.WriteI64Field(ref last, 2, FileOffset);
        writer.WriteFieldHeader(ref last, 3, ThriftCompactType.Struct);
        short meta = 0;
        writer.WriteI32Field(ref meta, 1, (int)Type);
        writer.WriteFieldHeader(ref meta, 2, ThriftCompactType.List);
        writer.WriteListHeader(ThriftCompactType.I32, Encodings.Count);
        foreach (var encoding in Encodings)
            writer.WriteI32((int)encoding);
        writer.WriteFieldHeader(ref meta, 3, ThriftCompactType.List);
        writer.WriteListHeader(ThriftCompactType.Binary, PathInSchema.Count);
        foreach (var name in PathInSchema)
            writer.WriteString(name);
        writer.WriteI32Field(ref meta, 4, (int)Codec);
        writer.WriteI64Field(ref meta, 5, NumValues);
        writer.WriteI64Field(ref meta, 6, TotalUncompressedSize);
        writer.WriteI64Field(ref meta, 7, TotalCompressedSize);
        writer.WriteI64Field(ref meta, 9, DataPageOffset);
        if (DictionaryPageOffset is { } dictionaryOffset)
            writer.WriteI64Field(ref meta, 11, dictionaryOffset);
        if (Statistics is not null)
        {
            writer.WriteFieldHeader(ref meta, 12, ThriftCompactType.Struct);
            Statistics.Write(writer);
        }

        writer.WriteStop();
        writer.WriteStop();
    }

    private void ReadColumnMetaData(ref ThriftCompactReader reader)
    {
        HasMetadata = true;
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    Type = (ParquetPhysicalType)reader.ReadI32();
                    break;
                case 2 when type == ThriftCompactType.List:
                    var encodings = reader.ReadListHeader(out var encodingType);
                    for (var i = 0; i < encodings; i++)
                    {
                        if (encodingType == ThriftCompactType.I32)
                            Encodings.Add((ParquetEncoding)reader.ReadI32());
                        else
                            reader.Skip(encodingType);
                    }

                    break;
                case 3 when type == ThriftCompactType.List:
                    var names = reader.ReadListHeader(out var nameType);
                    for (var i = 0; i < names; i++)
                    {
                        if (nameType == ThriftCompactType.Binary)
                            PathInSchema.Add(reader.ReadString());
                        else
                            reader.Skip(nameType);
                    }

                    break;
                case 4 when type == ThriftCompactType.I32:
                    Codec = (ParquetCompression)reader.ReadI32();
                    break;
                case 5 when type == ThriftCompactType.I64:
                    NumValues = reader.ReadI64();
                    break;
                case 6 when type == ThriftCompactType.I64:
                    TotalUncompressedSize = reader.ReadI64();
                    break;
                case 7 when type == ThriftCompactType.I64:
                    TotalCompressedSize = reader.ReadI64();
                    break;
                case 9 when type == ThriftCompactType.I64:
                    DataPageOffset = reader.ReadI64();
                    break;
                case 11 when type == ThriftCompactType.I64:
                    DictionaryPageOffset = reader.ReadI64();
                    break;
                case 12 when type == ThriftCompactType.Struct:
                    Statistics = StatisticsMetadata.Read(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }
    }
}
