using System.Globalization;

namespace QuantCluster.Data.Validation;

/// <summary>Bar timestamps (UTC microseconds since the Unix epoch) as people read them in messages.</summary>
internal static class UtcMicroseconds
{
    private static readonly long MinValue = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
    private static readonly long MaxValue = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static string Format(long microseconds) =>
        microseconds < MinValue || microseconds > MaxValue
            ? $"{microseconds.ToString(CultureInfo.InvariantCulture)} µs since 1970-01-01"
            : DateTime.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);
}
