namespace QuantCluster.Contracts;

/// <summary>How a backtest turns positions into fills and costs.</summary>
[GenerateSerializer, Immutable, Alias("quant.BacktestSettings")]
public sealed record BacktestSettings
{
    [Id(0)]
    public FillMode Fill { get; init; } = FillMode.NextOpen;

    /// <summary>Commission in basis points of traded notional, charged on every fill.</summary>
    [Id(1)]
    public double CommissionBps { get; init; }

    /// <summary>Adverse price move on every fill, in basis points of the fill's reference price.</summary>
    [Id(2)]
    public double SlippageBps { get; init; }

    /// <summary>Fraction of equity held when a strategy is long (+) or short (-).</summary>
    [Id(3)]
    public double PositionFraction { get; init; } = 1.0;

    /// <summary>Bars per year for annualised metrics; null infers it from the timestamps.</summary>
    [Id(4)]
    public double? PeriodsPerYear { get; init; }

    /// <summary>Throws with a message naming the first setting that makes no sense.</summary>
    public void Validate()
    {
        if (!double.IsFinite(CommissionBps) || CommissionBps < 0 || CommissionBps >= 10_000)
        {
            throw new ArgumentException($"Commission must be between 0 and 10000 bps; got {CommissionBps}.");
        }

        if (!double.IsFinite(SlippageBps) || SlippageBps < 0 || SlippageBps >= 10_000)
        {
            throw new ArgumentException($"Slippage must be between 0 and 10000 bps; got {SlippageBps}.");
        }

        if (!double.IsFinite(PositionFraction) || PositionFraction <= 0 || PositionFraction > 10)
        {
            throw new ArgumentException($"The position fraction must be in (0, 10]; got {PositionFraction}.");
        }

        if (PeriodsPerYear is { } p && (!double.IsFinite(p) || p <= 0))
        {
            throw new ArgumentException($"Periods per year must be a positive number; got {p}.");
        }
    }
}
