using System.Runtime.Intrinsics;

namespace QuantCluster.Engine.Simulation;

/// <summary>The fill price factors 1 ± slippage and their reciprocals, computed once per simulation.</summary>
internal readonly struct SlippageFactors(double slippageRate)
{
    public Vector256<double> Buy { get; } = Vector256.Create(1 + slippageRate);

    public Vector256<double> Sell { get; } = Vector256.Create(1 - slippageRate);

    public Vector256<double> InverseBuy { get; } = Vector256.Create(1 / (1 + slippageRate));

    public Vector256<double> InverseSell { get; } = Vector256.Create(1 / (1 - slippageRate));
}
