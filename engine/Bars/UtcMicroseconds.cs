using System.Globalization;

namespace QuantCluster.Engine.Bars;

/// <summary>
/// Bar time, UTC microseconds since the Unix epoch, to and from <see cref="DateTime"/> and
/// ISO-8601 text: the one conversion every layer uses.
/// </summary>
public static class UtcMicroseconds
{
    /// <summary>The first and last microsecond a <see cref="DateTime"/> holds (years 1 to 9999).</summary>
    public static readonly long FirstDateTime = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
    public static readonly long LastDateTime = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static bool IsDateTime(long microseconds) => microseconds >= FirstDateTime && microseconds <= LastDateTime;

    /// <summary>A local time is converted to UTC; an unspecified one is taken as UTC.</summary>
    public static long FromDateTime(DateTime time) =>
        ((time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static DateTime ToDateTime(long microseconds) => new(DateTime.UnixEpoch.Ticks + (microseconds * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    /// <summary>ISO-8601 UTC (2024-01-31T14:30:00Z, with a fraction only when there is one); outside the years 1 to 9999, the count of microseconds.</summary>
    public static string Format(long microseconds) =>
        IsDateTime(microseconds)
            ? ToDateTime(microseconds).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture)
            : microseconds.ToString(CultureInfo.InvariantCulture);
}
