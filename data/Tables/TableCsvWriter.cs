using System.Globalization;
using System.Text;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Tables;

/// <summary>
/// Writes a flat table as CSV: a header of the column names, then one line per row, "\n" line
/// ends. Timestamps are ISO-8601 UTC (2024-01-31T14:30:00.5Z), dates yyyy-MM-dd, times
/// HH:mm:ss[.ffffff], floating-point numbers in their shortest round-trip form ("R"), binary as
/// DuckDB prints a BLOB (printable ASCII as is, other bytes and the backslash as \xHH). A null is
/// an empty field; a text field is quoted when it holds a comma, quote, line break, or leading or
/// trailing space, and when it is empty, so that it is not read back as null.
/// </summary>
public static class TableCsvWriter
{

    /// <param name="sourceName">Names the file in the message when a column cannot be printed.</param>
    /// <exception cref="ArgumentException">A column's values cannot be printed faithfully (DECIMAL, FLOAT16).</exception>
    public static void Write(TextWriter writer, FlatTable table, string? sourceName = null)
    {
        if (table.Columns.FirstOrDefault(c => c.Kind == TableValueKind.Unsupported) is { } unsupported)
        {
            throw new ArgumentException(
                $"{(sourceName is null ? "" : sourceName + ": ")}column '{unsupported.Name}' is {unsupported.Type}, which cannot be printed yet; leave it out with --columns");
        }

        if (table.Columns.Count == 0)
        {
            return;
        }

        // A header has no nulls, so an unnamed column (a pandas index) stays an empty field.
        WriteLine(writer, table.Columns.Select(c => c.Name.Length == 0 ? "" : Quote(c.Name)));
        var cell = new StringBuilder();
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                var column = table.Columns[i];
                if (!column.IsNull(row))
                {
                    cell.Clear();
                    Append(cell, column, row);
                    writer.Write(cell);
                }
            }

            writer.Write('\n');
        }
    }

    /// <summary>One field as it appears in the file (quoted when needed); a null is "".</summary>
    public static string Format(TableColumn column, int row)
    {
        var cell = new StringBuilder();
        if (!column.IsNull(row))
        {
            Append(cell, column, row);
        }

        return cell.ToString();
    }

    private static void Append(StringBuilder cell, TableColumn column, int row)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (column.Kind)
        {
            case TableValueKind.Boolean:
                cell.Append(column.Get<bool>()[row] ? "true" : "false");
                break;
            case TableValueKind.Int32:
                cell.Append(invariant, $"{column.Get<int>()[row]}");
                break;
            case TableValueKind.Int64:
                cell.Append(invariant, $"{column.Get<long>()[row]}");
                break;
            case TableValueKind.Float:
                cell.Append(column.Get<float>()[row].ToString("R", invariant));
                break;
            case TableValueKind.Double:
                cell.Append(column.Get<double>()[row].ToString("R", invariant));
                break;
            case TableValueKind.String:
                cell.Append(Quote(column.Get<string>()[row]));
                break;
            case TableValueKind.Binary:
                cell.Append(Quote(BlobText(column.Get<byte[]>()[row])));
                break;
            case TableValueKind.Timestamp:
                cell.Append(UtcMicroseconds.Format(column.Get<long>()[row]));
                break;
            case TableValueKind.Date:
                cell.Append(DateOnly.FromDayNumber(checked(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + column.Get<int>()[row])).ToString("yyyy-MM-dd", invariant));
                break;
            case TableValueKind.Time:
                cell.Append(new TimeOnly(column.Get<long>()[row] * TimeSpan.TicksPerMicrosecond).ToString("HH:mm:ss.FFFFFF", invariant).TrimEnd('.'));
                break;
            default:
                throw new ArgumentException($"column '{column.Name}' is {column.Type}, which cannot be printed", nameof(column));
        }
    }

    private static string BlobText(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != '\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
        }

        return text.ToString();
    }

    private static string Quote(string text)
    {
        var needsQuotes = text.Length == 0 || text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]);
        return needsQuotes ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    private static void WriteLine(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields));
        writer.Write('\n');
    }
}
