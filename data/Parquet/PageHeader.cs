namespace QuantCluster.Data.Parquet;

/// <summary>
/// A page header with its data, dictionary or v2 sub-header flattened into one object, since a
/// page has exactly one of them.
/// </summary>
internal sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    /// <summary>Which sub-header was present: 5 data, 7 dictionary, 8 data v2, 0 none.</summary>
    public short TypeHeaderField { get; set; }

    public int NumValues { get; set; }

    public ParquetEncoding Encoding { get; set; }

    public ParquetEncoding DefinitionLevelEncoding { get; set; } = ParquetEncoding.Rle;

    public int NumNulls { get; set; }

    public int NumRows { get; set; }

    public int DefinitionLevelsByteLength { get; set; }

    public int RepetitionLevelsByteLength { get; set; }

    public bool IsCompressed { get; set; } = true;

    /// <summary>Reads a header from the start of <paramref name="data"/>; the header's length comes out.</summary>
    public static PageHeader Read(ReadOnlySpan<byte> data, long fileOffset, out int headerLength)
    {
        var reader = new ThriftCompactReader(data, fileOffset, "page header");
        var header = new PageHeader();
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftCompactType.I32:
                    header.Type = (PageType)reader.ReadI32();
                    break;
                case 2 when type == ThriftCompactType.I32:
                    header.UncompressedPageSize = reader.ReadI32();
                    break;
                case 3 when type == ThriftCompactType.I32:
                    header.CompressedPageSize = reader.ReadI32();
                    break;
                case 5 or 7 or 8 when type == ThriftCompactType.Struct:
                    header.TypeHeaderField = id;
                    header.ReadTypeHeader(ref reader, id);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        headerLength = reader.Position;
        return header;
    }

    public void Write(ThriftCompactWriter writer)
    {
        short last = 0;
        writer.WriteI32Field(ref last, 1, (int)Type);
        writer.WriteI32Field(ref last, 2, UncompressedPageSize);
        writer.WriteI32Field(ref last, 3, CompressedPageSize);
        short inner = 0;
        switch (Type)
        {
            case PageType.DictionaryPage:
                writer.WriteFieldHeader(ref last, 7, ThriftCompactType.Struct);
                writer.WriteI32Field(ref inner, 1, NumValues);
                writer.WriteI32Field(ref inner, 2, (int)Encoding);
                break;
            case PageType.DataPageV2:
                writer.WriteFieldHeader(ref last, 8, ThriftCompactType.Struct);
                writer.WriteI32Field(ref inner, 1, NumValues);
                writer.WriteI32Field(ref inner, 2, NumNulls);
                writer.WriteI32Field(ref inner, 3, NumRows);
                writer.WriteI32Field(ref inner, 4, (int)Encoding);
                writer.WriteI32Field(ref inner, 5, DefinitionLevelsByteLength);
                writer.WriteI32Field(ref inner, 6, RepetitionLevelsByteLength);
                writer.WriteBoolField(ref inner, 7, IsCompressed);
                break;
            default:
                writer.WriteFieldHeader(ref last, 5, ThriftCompactType.Struct);
                writer.WriteI32Field(ref inner, 1, NumValues);
                writer.WriteI32Field(ref inner, 2, (int)Encoding);
                writer.WriteI32Field(ref inner, 3, (int)DefinitionLevelEncoding);
                writer.WriteI32Field(ref inner, 4, (int)ParquetEncoding.Rle);
                break;
        }

        writer.WriteStop();
        writer.WriteStop();
    }

    private void ReadTypeHeader(ref ThriftCompactReader reader, short headerField)
    {
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            if (type is ThriftCompactType.BooleanTrue or ThriftCompactType.BooleanFalse)
            {
                // Only DataPageHeaderV2.is_compressed (7) is a boolean we use.
                if (headerField == 8 && id == 7)
                    IsCompressed = ThriftCompactReader.BoolFromFieldType(type);
                continue;
            }

            if (type != ThriftCompactType.I32)
            {
                reader.Skip(type);
                continue;
            }

            var value = reader.ReadI32();
            switch (headerField, id)
            {
                case (_, 1):
                    NumValues = value;
                    break;
                case (5 or 7, 2) or (8, 4):
                    Encoding = (ParquetEncoding)value;
                    break;
                case (5, 3):
                    DefinitionLevelEncoding = (ParquetEncoding)value;
                    break;
                case (8, 2):
                    NumNulls = value;
                    break;
                case (8, 3):
                    NumRows = value;
                    break;
                case (8, 5):
                    DefinitionLevelsByteLength = value;
                    break;
                case (8, 6):
                    RepetitionLevelsByteLength = value;
                    break;
                default:
                    break;
            }
        }
    }
}
