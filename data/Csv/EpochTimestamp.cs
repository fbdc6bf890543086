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

        long value = Scale(units, fraction);
        microseconds = negative ? -value : value;
        return true;
    }

    /// <summary>A whole epoch number (an integer column of a Parquet file, say) in UTC microseconds, its unit read as for text.</summary>
    public static long Microseconds(long units)
    {
        // long.MinValue has no positive counterpart; as nanoseconds it is in range either way.
        long magnitude = units == long.MinValue ? long.MaxValue : Math.Abs(units);
        long value = Scale(magnitude, []);
        return units < 0 ? -value : value;
    }

    /// <summary>Whether two whole epoch numbers are read in the same unit, so their order survives the conversion.</summary>
    public static bool SameUnit(long a, long b) => UnitOf(a) == UnitOf(b);

    private static int UnitOf(long units)
    {
        long magnitude = units == long.MinValue ? long.MaxValue : Math.Abs(units);
        return magnitude switch
        {
            < SecondsBelow => 0,
            < MillisecondsBelow => 1,
            < MicrosecondsBelow => 2,
            _ => 3,
        };
    }

    /// <summary>Microseconds of a non-negative epoch number, with the decimal digits after its point.</summary>
    private static long Scale(long units, ReadOnlySpan<byte> fraction) => units switch
    {
        < SecondsBelow => (units * CsvTimestamp.MicrosecondsPerSecond) + CsvTimestamp.Digits(fraction, 6),
        < MillisecondsBelow => (units * 1_000) + CsvTimestamp.Digits(fraction, 3),
        < MicrosecondsBelow => units,
        _ => units / 1_000,
    };
}
