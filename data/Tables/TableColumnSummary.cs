namespace QuantCluster.Data.Tables;

/// <summary>
/// A column as `quant data inspect` lists it. Codecs and Encodings are those of its Parquet
/// chunks across row groups (empty for CSV). A Parquet column under a list or map, which the
/// reader cannot read, has the type NESTED. Missing counts the null (empty) values, or is null
/// when the file does not say (a Parquet chunk without statistics).
/// </summary>
public sealed record TableColumnSummary(string Name, string Type, IReadOnlyList<string> Codecs, IReadOnlyList<string> Encodings, long? Missing);
