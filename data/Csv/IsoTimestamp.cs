namespace QuantCluster.Data.Csv;

/// <summary>
/// ISO-8601 dates and date-times (yyyy-MM-dd[(T| )HH:mm[:ss[.fffffff]]][ ][Z|±HH[:mm]]) to UTC
/// microseconds: no zone means UTC, an offset is converted to UTC.
/// </summary>
internal static class IsoTimestamp
{
    public static bool TryParse(ReadOnlySpan<byte> text, out long microseconds)
    {
        microseconds = 0;
        if (text.Length < 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !TryNumber(text[..4], out int year) || !TryNumber(text[5..7], out int month) || !TryNumber(text[8..10], out int day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        long time = 0;
        var rest = text[10..];
        if (rest.Length > 0 && rest[0] is (byte)'T' or (byte)'t' or (byte)' ')
        {
            if (!TryParseTimeOfDay(ref rest, out time))
            {
                return false;
            }

            if (!TryParseOffset(rest.TrimStart((byte)' '), out long offset))
            {
                return false;
            }

            time -= offset;
        }
        else if (rest.Length > 0)
        {
            return false;
        }

        long days = new DateOnly(year, month, day).DayNumber - CsvTimestamp.EpochDay;
        microseconds = (days * 86_400 * CsvTimestamp.MicrosecondsPerSecond) + time;
        return true;
    }

    /// <summary>"THH:mm[:ss[.fffffff]]" at the start of the text, consumed.</summary>
    private static bool TryParseTimeOfDay(ref ReadOnlySpan<byte> text, out long microseconds)
    {
        microseconds = 0;
        int second = 0;
        if (text.Length < 6 || text[3] != (byte)':' || !TryNumber(text[1..3], out int hour) || !TryNumber(text[4..6], out int minute))
        {
            return false;
        }

        text = text[6..];
        long fraction = 0;
        if (text.Length > 0 && text[0] == (byte)':')
        {
            if (text.Length < 3 || !TryNumber(text[1..3], out second))
            {
                return false;
            }

            text = text[3..];
            if (text.Length > 0 && text[0] is (byte)'.' or (byte)',')
            {
                int digits = text[1..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
                digits = digits < 0 ? text.Length - 1 : digits;
                if (digits == 0)
                {
                    return false;
                }

                fraction = CsvTimestamp.Digits(text.Slice(1, digits), 6);
                text = text[(digits + 1)..];
            }
        }

        microseconds = ((((hour * 60L) + minute) * 60) + second) * CsvTimestamp.MicrosecondsPerSecond + fraction;
        return hour < 24 && minute < 60 && second < 60;
    }

    /// <summary>"", "Z", "+HH", "+HHmm" or "+HH:mm" (or "-"): the zone's offset from UTC.</summary>
    private static bool TryParseOffset(ReadOnlySpan<byte> text, out long microseconds)
    {
        microseconds = 0;
        if (text.Length == 0 || text is [(byte)'Z' or (byte)'z'])
        {
            return true;
        }

        if (text[0] is not ((byte)'+' or (byte)'-') || text.Length is not (3 or 5 or 6) || (text.Length == 6 && text[3] != (byte)':'))
        {
            return false;
        }

        int minute = 0;
        if (!TryNumber(text[1..3], out int hour) || (text.Length > 3 && !TryNumber(text[^2..], out minute)) || hour > 23 || minute > 59)
        {
            return false;
        }

        microseconds = ((hour * 60L) + minute) * 60 * CsvTimestamp.MicrosecondsPerSecond * (text[0] == (byte)'-' ? -1 : 1);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (byte c in digits)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
