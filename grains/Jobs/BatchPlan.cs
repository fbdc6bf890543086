namespace QuantCluster.Grains.Jobs;

/// <summary>
/// How a job is cut into work items and phases, fixed when the job starts and kept in its state, so a
/// new owner cuts the rest alike. An item holds about <see cref="TargetBarEvaluations"/> bar-evaluations
/// (a fraction of a second on one core, whatever the bar count) and a whole number of SIMD lane groups,
/// but a small sweep is still cut into about <see cref="MinItems"/> items so that every worker of a
/// cluster gets a share;
/// a phase holds at most <see cref="ItemsPerPhase"/> items, so a grid of billions never becomes billions
/// of rows and the owner records the best so far at every phase boundary.
/// </summary>
/// <param name="SetsPerItem">Parameter sets an item evaluates (for a grid, on average: positions that break a constraint are skipped).</param>
/// <param name="PositionsPerItem">Positions of the enumeration an item covers.</param>
/// <param name="ItemsPerPhase">Items added to the queue at once.</param>
/// <param name="Positions">Positions of the whole sweep.</param>
public sealed record BatchPlan(int SetsPerItem, long PositionsPerItem, int ItemsPerPhase, long Positions)
{
    /// <summary>About 0.1 s of the engine's fastest strategy on one core; slower strategies take a few times longer.</summary>
    public const long DefaultBarEvaluationsPerItem = 50_000_000;

    public const int DefaultItemsPerPhase = 512;

    /// <summary>Items a sweep is cut into at least, while its items hold more than one lane group.</summary>
    public const int MinItems = 16;

    private const int LaneGroup = 8;
    private const int MaxSetsPerItem = 1 << 16;

    /// <summary>Items the whole sweep will have.</summary>
    public long TotalItems => (Positions + PositionsPerItem - 1) / PositionsPerItem;

    public static BatchPlan For(
        SweepDefinition sweep, int barCount, int itemsPerPhase = DefaultItemsPerPhase, long barEvaluationsPerItem = DefaultBarEvaluationsPerItem)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(barCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(itemsPerPhase, 1);
        double fraction = sweep.EstimateValidFraction();
        long byTime = (Math.Max(barEvaluationsPerItem / barCount, 1) + LaneGroup - 1) / LaneGroup * LaneGroup;
        long byShare = (long)Math.Ceiling(sweep.Positions * fraction / MinItems) / LaneGroup * LaneGroup;
        long sets = Math.Clamp(Math.Min(byTime, byShare), LaneGroup, MaxSetsPerItem);
        long positions = Math.Max(1, (long)Math.Ceiling(sets / fraction));
        return new BatchPlan((int)sets, Math.Min(positions, Math.Max(1, sweep.Positions)), itemsPerPhase, sweep.Positions);
    }

    /// <summary>The positions item <paramref name="itemIndex"/> covers.</summary>
    public (long Start, long End) PositionsOf(long itemIndex) =>
        (itemIndex * PositionsPerItem, Math.Min(Positions, (itemIndex + 1) * PositionsPerItem));

    /// <summary>The items of phase <paramref name="phase"/>: [first, end).</summary>
    public (long First, long End) ItemsOf(int phase) =>
        ((long)phase * ItemsPerPhase, Math.Min(TotalItems, ((long)phase + 1) * ItemsPerPhase));

    public int Phases => (int)((TotalItems + ItemsPerPhase - 1) / ItemsPerPhase);
}
