using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Postgres;

/// <summary>
/// Which bar timestamps (UTC microseconds since 1970, converted by <see cref="UtcMicroseconds"/>)
/// timestamptz can hold, and how a caller's time is taken as UTC.
/// </summary>
internal static class EpochMicroseconds
{
    // DateTime.MinValue itself is excluded: Npgsql writes it as -infinity.
    public static readonly long Earliest = UtcMicroseconds.FirstDateTime + 1;
    public static readonly long Latest = UtcMicroseconds.LastDateTime;

    public static bool IsStorable(long microseconds) => microseconds >= Earliest && microseconds <= Latest;


    /// <summary>A time given by a caller as UTC: an unspecified kind is taken as UTC, a local time is converted.</summary>
    public static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
