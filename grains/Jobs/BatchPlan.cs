namespace QuantCluster.Grains.Jobs;

/// <summary>
/// How a job is cut into work items, fixed when the job starts and kept in its state, so a job that
/// moves to another silo cuts the rest alike. An item holds about <see cref="DefaultBarEvaluationsPerItem"/>
/// bar-evaluations (a fraction of a second on one core, whatever the bar count) and a whole number of SIMD
/// lane groups, but a small sweep is still cut into about <see cref="MinItems"/> items so that every worker
/// of a cluster gets a share. Items are index ranges of the enumeration, so a grid of billions never
/// materialises.
/// </summary>
/// <param name="SetsPerItem">Parameter sets an item evaluates (for a grid, on average: positions that break a constraint are skipped).</param>
/// <param name="PositionsPerItem">Positions of the enumeration an item covers.</param>
/// <param name="Positions">Positions of the whole sweep.</param>
public sealed record BatchPlan(int SetsPerItem, long PositionsPerItem, long Positions)
{
    /// <summary>About 0.1 s of the engine's fastest strategy on one core; slower strategies take a few times longer.</summary>
    public const long DefaultBarEvaluationsPerItem = 50_000_000;

    /// <summary>Items a sweep is cut into at least, while its items hold more than one lane group.</summary>
    public const int MinItems = 16;

    private const int LaneGroup = 8;
    private const int MaxSetsPerItem = 1 << 16;

    /// <summary>Items the whole sweep has.</summary>
    public long TotalItems => (Positions + PositionsPerItem - 1) / PositionsPerItem;

    /// <summary>The cut of a grid or random search's enumeration.</summary>
    public static BatchPlan For(SweepDefinition sweep, int barCount, long barEvaluationsPerItem = DefaultBarEvaluationsPerItem)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return Cut(sweep.Positions, sweep.EstimateValidFraction(), barCount, barEvaluationsPerItem);
    }

    /// <summary>The cut of a list of sets that are all valid: a genetic generation's new genomes.</summary>
    public static BatchPlan ForSets(long sets, int barCount, long barEvaluationsPerItem = DefaultBarEvaluationsPerItem) =>
        Cut(sets, 1, barCount, barEvaluationsPerItem);

    private static BatchPlan Cut(long positions, double validFraction, int barCount, long barEvaluationsPerItem)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(barCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(barEvaluationsPerItem, 1);
        long byTime = (Math.Max(barEvaluationsPerItem / barCount, 1) + LaneGroup - 1) / LaneGroup * LaneGroup;
        long byShare = (long)Math.Ceiling(positions * validFraction / MinItems) / LaneGroup * LaneGroup;
        long sets = Math.Clamp(Math.Min(byTime, byShare), LaneGroup, MaxSetsPerItem);
        long perItem = Math.Max(1, (long)Math.Ceiling(sets / validFraction));
        return new BatchPlan((int)sets, Math.Min(perItem, Math.Max(1, positions)), positions);
    }

    /// <summary>The positions item <paramref name="itemIndex"/> covers.</summary>
    public (long Start, long End) PositionsOf(long itemIndex) =>
        (itemIndex * PositionsPerItem, Math.Min(Positions, (itemIndex + 1) * PositionsPerItem));
}
