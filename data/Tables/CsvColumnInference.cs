using System.Globalization;
using System.Text;
using QuantCluster.Data.Csv;

namespace QuantCluster.Data.Tables;

/// <summary>
/// Types a CSV column from its text, so that `cat` and `inspect` treat CSV and Parquet alike.
/// A column is the first of these that every non-empty field fits: for the bar timestamp column
/// (found by the bar aliases) TIMESTAMP, read as the bar reader reads it (ISO-8601 or epoch
/// numbers); then INT64; DOUBLE; TIMESTAMP when every field is an ISO-8601 date or date-time;
/// otherwise STRING. The symbol column (symbol/ticker) is always STRING, since tickers can be
/// digits. Empty fields are null; a column with nothing but empty fields is STRING.
/// </summary>
internal static class CsvColumnInference
{
    public static TableColumn Infer(string name, IReadOnlyList<string?> texts, bool isBarTimestamp, bool isSymbol)
    {
        var nulls = texts.Select(t => t is null).ToArray();
        var anyNull = Array.IndexOf(nulls, true) >= 0;
        var present = texts.Where(t => t is not null).Select(t => t!).ToArray();
        TableColumn Column(string type, TableValueKind kind, Array values) => new(name, type, kind, values, anyNull ? nulls : null);

        if (present.Length > 0 && isBarTimestamp && TryAll(texts, TryParseTimestamp, out long[] stamps))
        {
            return Column("TIMESTAMP", TableValueKind.Timestamp, stamps);
        }

        if (isSymbol)
        {
            return Column("STRING", TableValueKind.String, texts.Select(t => t ?? "").ToArray());
        }

        if (present.Length > 0 && TryAll(texts, TryParseInteger, out long[] integers))
        {
            return Column("INT64", TableValueKind.Int64, integers);
        }

        if (present.Length > 0 && TryAll(texts, TryParseDouble, out double[] doubles))
        {
            return Column("DOUBLE", TableValueKind.Double, doubles);
        }

        if (present.Length > 0 && TryAll(texts, TryParseIso, out long[] dates))
        {
            return Column("TIMESTAMP", TableValueKind.Timestamp, dates);
        }

        return Column("STRING", TableValueKind.String, texts.Select(t => t ?? "").ToArray());
    }

    private delegate bool Parser<T>(string text, out T value);

    private static bool TryAll<T>(IReadOnlyList<string?> texts, Parser<T> parse, out T[] values)
    {
        values = new T[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is { } text && !parse(text, out values[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    // As the bar reader parses numbers: no thousands separators, so "1,5" stays text.
    private static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryParseTimestamp(string text, out long microseconds) =>
        TryUtf8(text, out microseconds, CsvTimestamp.TryParse);

    private static bool TryParseIso(string text, out long microseconds) =>
        TryUtf8(text.Trim(), out microseconds, IsoTimestamp.TryParse);

    private delegate bool Utf8Parser(ReadOnlySpan<byte> text, out long microseconds);

    private static bool TryUtf8(string text, out long microseconds, Utf8Parser parse)
    {
        microseconds = 0;
        Span<byte> utf8 = stackalloc byte[128];
        return Encoding.UTF8.GetMaxByteCount(text.Length) <= utf8.Length && parse(utf8[..Encoding.UTF8.GetBytes(text, utf8)], out microseconds);
    }
}
