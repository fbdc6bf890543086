namespace QuantCluster.Contracts;

/// <summary>One axis of a grid: a strategy parameter and the values it takes, in enumeration order.</summary>
public sealed record ParameterAxis(string Name, IReadOnlyList<double> Values);
