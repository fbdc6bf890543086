using System.Globalization;

namespace QuantCluster.Data.Csv;

/// <summary>
/// Epoch numbers ([-]digits[.digits]) to UTC microseconds, the unit read from the magnitude:
/// below 1e11 seconds (up to the year 5138), below 1e14 milliseconds, below 1e17 microseconds,
/// nanoseconds above. Each unit's range starts after 1973, so a bar timestamp from then to the
/// year 5000 has one reading whatever unit the file uses.
/// </summary>
internal static class EpochTimestamp
{
    private const long SecondsBelow = 100_000_000_000;
    private const long MillisecondsBelow = 100_000_000_000_000;
    private const long MicrosecondsBelow = 100_000_000_000_000_000;

    /// <param name="text">Non-empty text of digits, at most one point and a leading sign.</param>
    public static bool TryParse(ReadOnlySpan<byte> text, out long microseconds)
    {
        microseconds = 0;
        bool negative = text[0] == (byte)'-';
        if (text[0] is (byte)'-' or (byte)'+')
        {
            text = text[1..];
        }

        int point = text.IndexOf((byte)'.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        if (whole.Length is 0 or > 19 || fraction.Contains((byte)'.')
            || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out long units))
        {
            return false;
        }

        long value = units switch
        {
            < SecondsBelow => (units * CsvTimestamp.MicrosecondsPerSecond) + CsvTimestamp.Digits(fraction, 6),
            < MillisecondsBelow => (units * 1_000) + CsvTimestamp.Digits(fraction, 3),
            < MicrosecondsBelow => units,
            _ => units / 1_000,
        };
        microseconds = negative ? -value : value;
        return true;
    }
}
