using System.Text;
using QuantCluster.Data.Csv;

namespace QuantCluster.Data.Tables;

/// <summary>
/// A column's values as bar timestamps (UTC microseconds), by the rules the CSV reader uses:
/// timestamps as they are, dates at midnight UTC, integers as epoch numbers whose unit is read
/// from their magnitude, text as ISO-8601 or epoch numbers. Null rows are left 0.
/// </summary>
internal static class TimestampValues
{
    private const long MicrosecondsPerDay = 86_400_000_000;

    public static bool CanHoldTimes(TableValueKind kind) =>
        kind is TableValueKind.Timestamp or TableValueKind.Date or TableValueKind.Int32 or TableValueKind.Int64 or TableValueKind.String;

    /// <param name="fail">Makes the exception for a row (0-based) whose text is not a timestamp.</param>
    /// <returns>The column's own array when it already holds microseconds, otherwise a new one.</returns>
    public static long[] ToMicroseconds(TableColumn column, Func<int, string, Exception> fail)
    {
        switch (column.Kind)
        {
            case TableValueKind.Timestamp:
                return column.Get<long>();
            case TableValueKind.Date:
                return [.. column.Get<int>().Select(days => days * MicrosecondsPerDay)];
            case TableValueKind.Int32:
                return [.. column.Get<int>().Select(n => EpochTimestamp.Microseconds(n))];
            case TableValueKind.Int64:
                var numbers = column.Get<long>();
                var epoch = new long[numbers.Length];
                for (var i = 0; i < numbers.Length; i++)
                {
                    epoch[i] = EpochTimestamp.Microseconds(numbers[i]);
                }

                return epoch;
            case TableValueKind.String:
                return Parse(column, fail);
            default:
                throw new ArgumentException($"column '{column.Name}' is {column.Type}, which cannot hold timestamps", nameof(column));
        }
    }

    private static long[] Parse(TableColumn column, Func<int, string, Exception> fail)
    {
        var texts = column.Get<string>();
        var result = new long[texts.Length];
        Span<byte> utf8 = stackalloc byte[128];
        for (var i = 0; i < texts.Length; i++)
        {
            if (column.IsNull(i))
            {
                continue;
            }

            var text = texts[i];
            if (Encoding.UTF8.GetMaxByteCount(text.Length) > utf8.Length || !CsvTimestamp.TryParse(utf8[..Encoding.UTF8.GetBytes(text, utf8)], out result[i]))
            {
                throw fail(i, $"bad timestamp '{text}': {CsvTimestamp.Expected}");
            }
        }

        return result;
    }
}
