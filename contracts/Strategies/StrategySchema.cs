namespace QuantCluster.Contracts.Strategies;

/// <summary>A strategy's parameters and the constraints between them, as `quant strategy info` shows them.</summary>
[GenerateSerializer, Immutable, Alias("quant.StrategySchema")]
public sealed record StrategySchema(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] IReadOnlyList<StrategyParameter> Parameters,
    [property: Id(3)] IReadOnlyList<string> Constraints);
