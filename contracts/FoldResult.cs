namespace QuantCluster.Contracts;

/// <summary>
/// One walk-forward fold: its windows (UTC, bounds included, and their bar counts), the set its
/// in-sample search chose (none when no set qualified) with its in-sample metrics, and that set's
/// metrics out of sample.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.FoldResult")]
public sealed record FoldResult
{
    [Id(0)]
    public int Fold { get; init; }

    [Id(1)]
    public DateTime InSampleFrom { get; init; }

    [Id(2)]
    public DateTime InSampleTo { get; init; }

    [Id(3)]
    public DateTime OutOfSampleFrom { get; init; }

    [Id(4)]
    public DateTime OutOfSampleTo { get; init; }

    [Id(5)]
    public int InSampleBars { get; init; }

    [Id(6)]
    public int OutOfSampleBars { get; init; }

    /// <summary>The chosen set by parameter name; null when no set of the fold qualified (it then stays flat out of sample).</summary>
    [Id(7)]
    public IReadOnlyDictionary<string, double>? Parameters { get; init; }

    [Id(8)]
    public Metrics? InSample { get; init; }

    [Id(9)]
    public required Metrics OutOfSample { get; init; }

    /// <summary>Distinct sets the fold's in-sample search evaluated.</summary>
    [Id(10)]
    public long Evaluated { get; init; }
}
