namespace QuantCluster.Data.Tables;

/// <summary>Equal-length columns with their own names and types: any flat Parquet or CSV file, read whole or in part.</summary>
public sealed class FlatTable
{
    /// <param name="unread">Columns of the file left out because they cannot be read yet, each as "name (TYPE)".</param>
    public FlatTable(IReadOnlyList<TableColumn> columns, int rowCount, IReadOnlyList<string>? unread = null)
    {
        if (columns.FirstOrDefault(c => c.Count != rowCount) is { } odd)
        {
            throw new ArgumentException($"column '{odd.Name}' has {odd.Count} rows, the table {rowCount}", nameof(columns));
        }

        Columns = columns;
        RowCount = rowCount;
        Unread = unread ?? [];
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public int RowCount { get; }

    /// <summary>The file's columns that were not read (nested, or of a type not mapped, such as FLOAT16), each as "name (TYPE)".</summary>
    public IReadOnlyList<string> Unread { get; }
}
