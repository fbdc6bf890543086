namespace QuantCluster.Contracts.Strategies;

/// <summary>One parameter of a strategy: integer, real or choice, its range and default (a choice's value is its index).</summary>
[GenerateSerializer, Immutable, Alias("quant.StrategyParameter")]
public sealed record StrategyParameter(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] double Min,
    [property: Id(3)] double Max,
    [property: Id(4)] double Default,
    [property: Id(5)] IReadOnlyList<string> Choices,
    [property: Id(6)] string Description);
