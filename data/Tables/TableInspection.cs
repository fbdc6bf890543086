namespace QuantCluster.Data.Tables;

/// <summary>
/// What a table file holds, without its values: the schema, the row count, the row groups and
/// codecs, and per symbol the rows and time span. A CSV file counts as one row group, or none
/// when it has no data rows. The symbol and timestamp columns are found by the bar aliases
/// (symbol/ticker; ts/time/timestamp/date/datetime); when a table has none, or several, or one
/// whose values are not times, SymbolColumn or TimestampColumn is null and the summaries say so.
/// VolumeColumn is the column bars take their volume from (volume/vol/v), null when there is none.
/// </summary>
public sealed record TableInspection(
    string Format,
    long Rows,
    IReadOnlyList<TableColumnSummary> Columns,
    IReadOnlyList<RowGroupSummary> RowGroups,
    IReadOnlyList<string> Codecs,
    string? SymbolColumn,
    string? TimestampColumn,
    IReadOnlyList<SymbolSummary> Symbols,
    string? VolumeColumn);
