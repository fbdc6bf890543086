namespace QuantCluster.Data.Tables;

/// <summary>
/// The rows of one symbol, and its earliest and latest timestamps (UTC microseconds). Symbol is
/// null for a table without a symbol column, or for its rows whose symbol is null; First and
/// Last are null when there is no timestamp column or every timestamp of the symbol is null.
/// </summary>
public sealed record SymbolSummary(string? Symbol, long Rows, long? First, long? Last);
