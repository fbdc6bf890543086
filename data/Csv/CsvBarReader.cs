using CsvHelper;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Csv;

/// <summary>
/// OHLCV bars from a CSV file with a header row. Columns are found by name (timestamp: ts, time,
/// timestamp, date, datetime or an unnamed first column; open/o, high/h, low/l, close/c, and
/// optionally volume/vol/v and symbol/ticker), in any order and case. Volume is optional: without
/// the column, or in an empty cell, a bar's volume is NaN; a missing price is refused. Timestamps are ISO-8601
/// (no zone is UTC) or epoch seconds, milliseconds, microseconds or nanoseconds. The bars are
/// validated before they are returned: a bad file is refused whole, with the line and the reason.
/// </summary>
public static class CsvBarReader
{
    /// <param name="symbol">
    /// The symbol whose rows to keep when the file has a symbol column (required when it holds
    /// several); otherwise the series' name. By default the series is named after the file's only
    /// symbol, or the file name without extension.
    /// </param>
    public static BarSeries Read(string path, string? symbol = null)
    {
        string sourceName = Path.GetFileName(path);
        using var csv = CsvReader.FromFile(path, Options(sourceName));
        return Read(csv, sourceName, symbol);
    }

    /// <param name="sourceName">Names the source in error messages, and the series when nothing else does (without its extension).</param>
    /// <param name="symbol">As for <see cref="Read(string, string?)"/>.</param>
    public static BarSeries Read(TextReader reader, string sourceName, string? symbol = null)
    {
        using var csv = CsvReader.Create(reader, Options(sourceName), leaveOpen: true);
        return Read(csv, sourceName, symbol);
    }

    private static BarSeries Read(CsvReader csv, string sourceName, string? symbol)
    {
        try
        {
            return ReadBars(csv, sourceName, symbol);
        }
        catch (CsvFormatException e)
        {
            throw new BarDataException(sourceName, e.LineNumber > 0 ? (int)e.LineNumber : null, e.Message);
        }
    }

    private static BarSeries ReadBars(CsvReader csv, string sourceName, string? symbol)
    {
        if (csv.Headers.Count == 0)
        {
            throw new BarDataException(sourceName, null, "the file is empty; expected a header row, then one bar per line");
        }

        var columns = CsvColumns.Resolve(csv.Headers, sourceName);
        var selection = new SymbolSelection(symbol);
        var bars = new CsvBarBuffer();
        var record = new CsvBarRecord(csv, sourceName);
        while (csv.Read())
        {
            if (record.FieldCount != columns.FieldCount)
            {
                throw record.Fail(
                    $"too {(record.FieldCount < columns.FieldCount ? "few" : "many")} columns: {record.FieldCount} fields where the header has {columns.FieldCount}");
            }

            if (columns.Symbol is { } symbolColumn && !selection.Accepts(record.Text(symbolColumn, "symbol")))
            {
                continue;
            }

            bars.Add(
                record.Line,
                record.Timestamp(columns.Timestamp),
                record.Number(columns.Open, "open"),
                record.Number(columns.High, "high"),
                record.Number(columns.Low, "low"),
                record.Number(columns.Close, "close"),
                columns.Volume is { } volume ? record.Volume(volume) : double.NaN);
        }

        selection.EnsureOneSymbol(sourceName);
        if (bars.Count == 0)
        {
            throw new BarDataException(sourceName, null, "no data rows: the file has a header but no bars");
        }

        if (bars.FindViolation() is { } violation)
        {
            throw new BarDataException(sourceName, bars.LineOf(violation.Row), violation.Reason);
        }

        return bars.ToSeries(selection.Chosen ?? symbol ?? Path.GetFileNameWithoutExtension(sourceName));
    }

    // The separator is detected (comma, semicolon, tab or pipe) so that exports from European
    // spreadsheets and TSV files load too. Malformed quoting is refused rather than guessed at.
    internal static CsvReaderOptions Options(string sourceName) => new()
    {
        HasHeader = true,
        SkipEmptyLines = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        PoolStrings = true,
        OnMalformedRecord = record => throw new BarDataException(sourceName, (int)record.LineNumber, $"malformed quoting: {Describe(record.Reason)}"),
    };

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a quoted field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        _ => reason.ToString(),
    };
}
