using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>
/// Builds a one-column, one-page Parquet file from raw parts with the library's own Thrift
/// writer, so a test can put exactly the header, encoding or schema it wants on disk.
/// </summary>
internal static class CraftedParquetFile
{
    public static byte[] Build(SchemaElement column, PageHeader page, byte[] body, long rows, ParquetCompression codec = ParquetCompression.Uncompressed)
    {
        var file = new MemoryStream();
        file.Write("PAR1"u8);
        var thrift = new ThriftCompactWriter();
        page.Write(thrift);
        var chunkStart = file.Position;
        file.Write(thrift.WrittenSpan);
        file.Write(body);
        var chunk = new ColumnChunkMetadata
        {
            HasMetadata = true,
            FileOffset = chunkStart,
            Type = column.Type!.Value,
            Codec = codec,
            NumValues = rows,
            DataPageOffset = chunkStart,
            TotalCompressedSize = file.Position - chunkStart,
            TotalUncompressedSize = file.Position - chunkStart,
        };
        chunk.PathInSchema.Add(column.Name);
        chunk.Encodings.Add(page.Encoding);
        var group = new RowGroupMetadata { NumRows = rows, TotalByteSize = chunk.TotalUncompressedSize };
        group.Columns.Add(chunk);
        var metadata = new FileMetadata { Version = 1, NumRows = rows };
        metadata.Schema.Add(new SchemaElement { Name = "schema", NumChildren = 1 });
        metadata.Schema.Add(column);
        metadata.RowGroups.Add(group);
        thrift.Clear();
        metadata.Write(thrift);
        file.Write(thrift.WrittenSpan);
        file.Write(BitConverter.GetBytes(thrift.WrittenSpan.Length));
        file.Write("PAR1"u8);
        return file.ToArray();
    }

    /// <summary>A required INT64 column with one PLAIN data page holding <paramref name="values"/>.</summary>
    public static byte[] Int64Column(long[] values, SchemaElement? column = null, Action<PageHeader>? adjustPage = null)
    {
        var body = values.SelectMany(BitConverter.GetBytes).ToArray();
        var page = new PageHeader
        {
            Type = PageType.DataPage,
            UncompressedPageSize = body.Length,
            CompressedPageSize = body.Length,
            NumValues = values.Length,
            Encoding = ParquetEncoding.Plain,
        };
        adjustPage?.Invoke(page);
        column ??= new SchemaElement { Name = "v", Type = ParquetPhysicalType.Int64, RepetitionType = SchemaElement.Required };
        return Build(column, page, body, values.Length);
    }
}
