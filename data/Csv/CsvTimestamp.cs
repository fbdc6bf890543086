using System.Buffers;
using System.Text;

namespace QuantCluster.Data.Csv;

/// <summary>
/// Bar timestamps as CSV files write them, to UTC microseconds: ISO-8601 dates and date-times, or
/// epoch numbers. Hand-written over the UTF-8 bytes the CSV reader hands out, because a million
/// rows of DateTimeOffset.Parse would cost more than the rest of the import, and because the
/// accepted forms should be exactly these.
/// </summary>
internal static class CsvTimestamp
{
    public const string Expected =
        "expected an ISO-8601 date or date-time (2024-01-31, 2024-01-31 14:30:00, 2024-01-31T14:30:00.5+01:00) or an epoch number";

    public const long MicrosecondsPerSecond = 1_000_000;

    public static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private static readonly SearchValues<byte> EpochCharacters = SearchValues.Create("+-.0123456789"u8);

    /// <summary>UTC microseconds since the Unix epoch; digits finer than a microsecond are dropped.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long microseconds)
    {
        text = text[Ascii.Trim(text)];
        microseconds = 0;
        return text.Length > 0
            && (LooksLikeEpoch(text) ? EpochTimestamp.TryParse(text, out microseconds) : IsoTimestamp.TryParse(text, out microseconds));
    }

    /// <summary>The first <paramref name="places"/> decimal digits of a fraction as an integer, e.g. ("5", 3) is 500.</summary>
    public static long Digits(ReadOnlySpan<byte> fraction, int places)
    {
        long value = 0;
        for (int i = 0; i < places; i++)
        {
            value = (value * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        return value;
    }

    // Only digits, a point and a leading sign: "2024-01-31" has a '-' further in, so it is a date.
    private static bool LooksLikeEpoch(ReadOnlySpan<byte> text) =>
        !text.ContainsAnyExcept(EpochCharacters) && text.IndexOfAny((byte)'-', (byte)'+') <= 0;
}
