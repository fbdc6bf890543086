using System.Globalization;

namespace QuantCluster.Data.Postgres;

/// <summary>
/// The spacing of a series' bars: a count and a unit, written as "1m", "5m", "1h", "1d" or "1w".
/// Units are lowercase letters only, so that "1M" (minute or month?) is refused rather than guessed.
/// The text form is canonical ("05m" is stored as "5m"), so one series is never stored under two names.
/// </summary>
public readonly record struct Timeframe
{
    private const int MaxCount = 100_000;

    private Timeframe(int count, TimeframeUnit unit)
    {
        Count = count;
        Unit = unit;
    }

    public int Count { get; }

    public TimeframeUnit Unit { get; }

    /// <summary>The time from one bar's open to the next one's, when no bar is missing.</summary>
    public TimeSpan Duration => Unit switch
    {
        TimeframeUnit.Second => TimeSpan.FromSeconds(Count),
        TimeframeUnit.Minute => TimeSpan.FromMinutes(Count),
        TimeframeUnit.Hour => TimeSpan.FromHours(Count),
        TimeframeUnit.Day => TimeSpan.FromDays(Count),
        _ => TimeSpan.FromDays(7L * Count),
    };

    /// <summary>
    /// Daily bars are expected on weekdays only: markets that close at weekends are the usual
    /// case, so a Friday-to-Monday step is not a gap (see <see cref="PostgresBarStore.GapsAsync"/>).
    /// </summary>
    public bool CountsWeekdaysOnly => Unit == TimeframeUnit.Day;

    public static Timeframe Parse(string text) =>
        TryParse(text, out var timeframe)
            ? timeframe
            : throw new ArgumentException(
                $"'{text}' is not a timeframe: give a count and a unit, e.g. 1m, 5m, 1h or 1d (units: s, m, h, d, w; lowercase, count 1 to {MaxCount:N0})");

    public static bool TryParse(string? text, out Timeframe timeframe)
    {
        timeframe = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2)
        {
            return false;
        }

        TimeframeUnit? unit = text[^1] switch
        {
            's' => TimeframeUnit.Second,
            'm' => TimeframeUnit.Minute,
            'h' => TimeframeUnit.Hour,
            'd' => TimeframeUnit.Day,
            'w' => TimeframeUnit.Week,
            _ => null,
        };
        var digits = text.AsSpan(0, text.Length - 1);
        if (unit is null || digits.ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count is < 1 or > MaxCount)
        {
            return false;
        }

        timeframe = new Timeframe(count, unit.Value);
        return true;
    }

    public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        TimeframeUnit.Second => "s",
        TimeframeUnit.Minute => "m",
        TimeframeUnit.Hour => "h",
        TimeframeUnit.Day => "d",
        _ => "w",
    };
}
