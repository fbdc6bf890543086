using QuantCluster.Data.Csv;
using QuantCluster.Data.Tables;
using QuantCluster.Data.Validation;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// OHLCV bars from a Parquet file. Columns are found by the same aliases as in CSV files (ts,
/// time, timestamp, date, datetime; open/o, high/h, low/l, close/c; optionally volume/vol/v and
/// symbol/ticker), and only those columns are read. Volume is optional: without the column, or
/// where a row's volume is null, the bar's volume is NaN. Timestamps may be TIMESTAMP columns of any
/// unit (UTC or not, INT96 too), DATE, integer epoch numbers (unit read from the magnitude, as
/// for CSV) or ISO-8601 text; prices and volume may be DOUBLE, FLOAT or integers. With a time
/// range, row groups whose timestamp statistics lie outside it are not read at all, and when the
/// statistics show one symbol throughout, the symbol column is not read either. A null in a
/// price or timestamp of a kept bar, a row that breaks a data-quality rule, or a file with several symbols
/// and none chosen is refused with the row and the reason.
/// </summary>
public static class ParquetBarReader
{
    /// <param name="symbol">As for <see cref="CsvBarReader.Read(string, string?)"/>: the symbol to keep when the file has a symbol column (required when it holds several).</param>
    /// <param name="from">Keep bars at or after this time (UTC; an unspecified kind counts as UTC).</param>
    /// <param name="to">Keep bars at or before this time.</param>
    public static BarSeries Read(string path, string? symbol, DateTime? from = null, DateTime? to = null)
    {
        var sourceName = Path.GetFileName(path);
        try
        {
            using var file = ParquetFileReader.Open(path);
            return Read(file, sourceName, symbol, from, to);
        }
        catch (ParquetFormatException e)
        {
            throw new BarDataException(sourceName, null, e.Message);
        }
    }

    /// <param name="sourceName">Names the file in messages, and the series when nothing else does (without its extension).</param>
    public static BarSeries Read(ParquetFileReader file, string sourceName, string? symbol, DateTime? from = null, DateTime? to = null)
    {
        var fromMicros = from is { } start ? UtcMicroseconds.FromDateTime(start) : long.MinValue;
        var toMicros = to is { } end ? UtcMicroseconds.FromDateTime(end) : long.MaxValue;
        if (fromMicros > toMicros)
        {
            throw new ArgumentException($"the time range is empty: {from:O} is after {to:O}");
        }

        var layout = ParquetBarLayout.Resolve(file.Schema, sourceName);
        var groups = BarRowGroups.Select(file, layout.Timestamp, fromMicros, toMicros);
        TableColumn Read(ParquetColumnInfo column) => ParquetColumnTypes.ToTableColumn(file.ReadColumn(column.Name, groups.Indices));

        var rows = new ParquetBarRows(sourceName, groups);
        var chosen = layout.Symbol switch
        {
            null => null,
            var column when groups.OnlySymbol(file, column) is { } only => rows.KeepOnly(only, symbol),
            var column => rows.KeepSymbol(Read(column), symbol),
        };
        var timestamps = rows.Timestamps(Read(layout.Timestamp), fromMicros, toMicros);
        var name = chosen ?? symbol ?? Path.GetFileNameWithoutExtension(sourceName);
        if (rows.KeptCount == 0)
        {
            throw new BarDataException(sourceName, null, rows.Count == 0 && from is null && to is null
                ? "the file has no rows"
                : $"no bars{(chosen is null ? "" : $" of {chosen}")}{Range(from, to)}");
        }

        var bars = new BarSeries(
            name,
            rows.Gather(timestamps),
            rows.Numbers(Read(layout.Open), "open"),
            rows.Numbers(Read(layout.High), "high"),
            rows.Numbers(Read(layout.Low), "low"),
            rows.Numbers(Read(layout.Close), "close"),
            layout.Volume is { } volume ? rows.Volumes(Read(volume)) : rows.NoVolumes());
        if (BarValidator.FindViolation(bars) is { } violation)
        {
            throw BarDataException.AtRow(sourceName, rows.FileRowOfKept(violation.Row), violation.Reason);
        }

        return bars;
    }

    private static string Range(DateTime? from, DateTime? to) =>
        (from, to) switch
        {
            (null, null) => "",
            (null, { } end) => $" up to {UtcMicroseconds.Format(UtcMicroseconds.FromDateTime(end))}",
            ({ } start, null) => $" from {UtcMicroseconds.Format(UtcMicroseconds.FromDateTime(start))}",
            ({ } start, { } end) => $" between {UtcMicroseconds.Format(UtcMicroseconds.FromDateTime(start))} and {UtcMicroseconds.Format(UtcMicroseconds.FromDateTime(end))}",
        };
}
