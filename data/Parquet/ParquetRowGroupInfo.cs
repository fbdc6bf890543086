namespace QuantCluster.Data.Parquet;

/// <summary>A row group: its size and the chunks of its flat columns, in schema order.</summary>
public sealed record ParquetRowGroupInfo(int Index, long RowCount, long TotalByteSize, IReadOnlyList<ParquetColumnChunkInfo> Columns)
{
    public ParquetColumnChunkInfo Column(string name) =>
        Columns.FirstOrDefault(c => c.ColumnName == name) ?? throw new ArgumentException($"no flat column named '{name}'", nameof(name));
}
