namespace QuantCluster.Contracts;

/// <summary>One axis of a grid: a strategy parameter and the values it takes, in enumeration order.</summary>
[GenerateSerializer, Immutable, Alias("quant.ParameterAxis")]
public sealed record ParameterAxis([property: Id(0)] string Name, [property: Id(1)] IReadOnlyList<double> Values);
