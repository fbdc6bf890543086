namespace QuantCluster.Data.Tables;

/// <summary>Equal-length columns with their own names and types: any flat Parquet or CSV file, read whole or in part.</summary>
public sealed class FlatTable
{
    public FlatTable(IReadOnlyList<TableColumn> columns, int rowCount)
    {
        if (columns.FirstOrDefault(c => c.Count != rowCount) is { } odd)
        {
            throw new ArgumentException($"column '{odd.Name}' has {odd.Count} rows, the table {rowCount}", nameof(columns));
        }

        Columns = columns;
        RowCount = rowCount;
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public int RowCount { get; }
}
