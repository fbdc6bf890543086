namespace QuantCluster.Contracts;

/// <summary>
/// A finished walk-forward analysis: every fold, the metrics of the folds' out-of-sample runs
/// stitched into one account, the walk-forward efficiency (out-of-sample CAGR over the chosen sets'
/// mean in-sample CAGR; NaN when that was not positive), and how each parameter's choice moved.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.WalkForwardResult")]
public sealed record WalkForwardResult(
    [property: Id(0)] IReadOnlyList<FoldResult> Folds,
    [property: Id(1)] Metrics Stitched,
    [property: Id(2)] double Efficiency,
    [property: Id(3)] IReadOnlyList<ParameterStability> Stability);
