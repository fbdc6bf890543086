namespace QuantCluster.Data.Tests.Parquet;

/// <summary>One column as DuckDB read it, values rendered as parquet-dump.mjs documents.</summary>
public sealed record DuckDbColumn(string Name, string DuckType, IReadOnlyList<string?> Values);
