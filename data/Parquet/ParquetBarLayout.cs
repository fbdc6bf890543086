using QuantCluster.Data.Tables;

namespace QuantCluster.Data.Parquet;

/// <summary>The columns of a Parquet file that hold each bar field, checked to be of types that can hold it.</summary>
internal sealed record ParquetBarLayout(
    ParquetColumnInfo Timestamp,
    ParquetColumnInfo Open,
    ParquetColumnInfo High,
    ParquetColumnInfo Low,
    ParquetColumnInfo Close,
    ParquetColumnInfo? Volume,
    ParquetColumnInfo? Symbol)
{
    public static ParquetBarLayout Resolve(ParquetSchema schema, string sourceName)
    {
        var columns = schema.Columns;
        var names = columns.Select(c => c.Name).ToArray();
        var found = BarColumns.Resolve(
            names, reason => new BarDataException(sourceName, null, $"{reason}. Columns found: {string.Join(", ", names.Select(n => $"'{n}'"))}"));
        var layout = new ParquetBarLayout(
            columns[found.Timestamp],
            columns[found.Open],
            columns[found.High],
            columns[found.Low],
            columns[found.Close],
            found.Volume is { } v ? columns[v] : null,
            found.Symbol is { } s ? columns[s] : null);
        layout.Check(sourceName);
        return layout;
    }

    private void Check(string sourceName)
    {
        if (!TimestampValues.CanHoldTimes(ParquetColumnTypes.KindOf(Timestamp)))
        {
            throw Refuse(sourceName, Timestamp, "timestamp", "a TIMESTAMP, DATE, integer epoch or ISO-8601 text column");
        }

        foreach (var (column, field) in new[] { (Open, "open"), (High, "high"), (Low, "low"), (Close, "close"), (Volume, "volume") })
        {
            if (column is not null && ParquetColumnTypes.KindOf(column) is not (TableValueKind.Double or TableValueKind.Float or TableValueKind.Int32 or TableValueKind.Int64))
            {
                throw Refuse(sourceName, column, field, "a DOUBLE, FLOAT or integer column (DECIMAL is not read yet: store prices as DOUBLE)");
            }
        }

        if (Symbol is not null && ParquetColumnTypes.KindOf(Symbol) != TableValueKind.String)
        {
            throw Refuse(sourceName, Symbol, "symbol", "a STRING column");
        }
    }

    private static BarDataException Refuse(string sourceName, ParquetColumnInfo column, string field, string expected) =>
        new(sourceName, null, $"column '{column.Name}' is {ParquetColumnTypes.NameOf(column)}; the {field} must be {expected}");
}
