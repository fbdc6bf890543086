namespace QuantCluster.Data.Tests.Parquet;

/// <summary>What DuckDB read from one file: its flat columns and nested leaves, or the error it gave.</summary>
public sealed record DuckDbFile(IReadOnlyList<DuckDbColumn> Columns, IReadOnlyList<string> Nested, string? Error)
{
    public DuckDbColumn Column(string name) => Columns.Single(c => c.Name == name);
}
