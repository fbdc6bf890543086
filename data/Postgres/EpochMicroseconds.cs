namespace QuantCluster.Data.Postgres;

/// <summary>
/// Bar timestamps (UTC microseconds since 1970) to and from the UTC DateTime that Npgsql reads and
/// writes as timestamptz. Both hold whole microseconds here, so the round trip is exact.
/// </summary>
internal static class EpochMicroseconds
{
    // DateTime.MinValue itself is excluded: Npgsql writes it as -infinity.
    public static readonly long Earliest = FromDateTime(DateTime.MinValue) + 1;
    public static readonly long Latest = FromDateTime(DateTime.MaxValue);

    public static bool IsStorable(long microseconds) => microseconds >= Earliest && microseconds <= Latest;

    public static DateTime ToDateTime(long microseconds) =>
        new(DateTime.UnixEpoch.Ticks + (microseconds * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    public static long FromDateTime(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>A time given by a caller as UTC: an unspecified kind is taken as UTC, a local time is converted.</summary>
    public static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
