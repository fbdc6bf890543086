namespace QuantCluster.Contracts;

/// <summary>
/// How a walk-forward analysis cuts the bars into folds: in-sample windows to optimise on, each
/// followed by an out-of-sample window the chosen set is then run on, moved forward by a step
/// (the out-of-sample length unless given). Rolling windows keep their length; anchored ones all
/// start at the first bar. With <see cref="Folds"/>, the out-of-sample windows split the bars after
/// the first in-sample window into that many (the in-sample window 4 times as long unless given).
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.WalkForwardSettings")]
public sealed record WalkForwardSettings
{
    [Id(0)]
    public WindowLength? InSample { get; init; }

    [Id(1)]
    public WindowLength? OutOfSample { get; init; }

    [Id(2)]
    public WindowLength? Step { get; init; }

    /// <summary>Folds to cut the bars into; 0 when the windows are given.</summary>
    [Id(3)]
    public int Folds { get; init; }

    [Id(4)]
    public bool Anchored { get; init; }
}
