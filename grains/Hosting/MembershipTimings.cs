namespace QuantCluster.Grains.Hosting;

/// <summary>
/// How fast Orleans' membership declares a silent silo dead. A silo probes others every
/// <see cref="ProbeTimeout"/>; after <see cref="MissedProbes"/> missed in a row it votes the silo dead,
/// and <see cref="DeathVotes"/> votes declare it. Production keeps Orleans' defaults (a dead silo is
/// declared in 15 to 30 s, tolerant of a slow network and long GC pauses); <see cref="Fast"/> declares one
/// in about 2 s on loopback, for tests and a laptop.
/// </summary>
public sealed record MembershipTimings(TimeSpan ProbeTimeout, int MissedProbes, int DeathVotes, TimeSpan IAmAlivePeriod, TimeSpan TableRefresh)
{
    /// <summary>Orleans' own defaults.</summary>
    public static MembershipTimings Production { get; } = new(TimeSpan.FromSeconds(5), 3, 2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

    public static MembershipTimings Fast { get; } = new(TimeSpan.FromSeconds(1), 2, 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ProbeTimeout, TimeSpan.Zero, nameof(ProbeTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MissedProbes, 1, nameof(MissedProbes));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeathVotes, 1, nameof(DeathVotes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IAmAlivePeriod, TimeSpan.Zero, nameof(IAmAlivePeriod));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TableRefresh, TimeSpan.Zero, nameof(TableRefresh));
    }
}
