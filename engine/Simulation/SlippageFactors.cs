using QuantCluster.Engine.Sweeps.Lanes;

namespace QuantCluster.Engine.Simulation;

/// <summary>The fill price factors 1 ± slippage and their reciprocals, computed once per simulation.</summary>
internal readonly struct SlippageFactors<TLanes>(double slippageRate)
    where TLanes : struct, ILanes<TLanes>
{
    public TLanes Buy { get; } = TLanes.Create(1 + slippageRate);

    public TLanes Sell { get; } = TLanes.Create(1 - slippageRate);

    public TLanes InverseBuy { get; } = TLanes.Create(1 / (1 + slippageRate));

    public TLanes InverseSell { get; } = TLanes.Create(1 / (1 - slippageRate));
}
