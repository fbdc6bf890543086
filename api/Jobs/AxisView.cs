namespace QuantCluster.Api.Jobs;

/// <summary>A swept parameter and its values in enumeration order, as people read them (choices by name).</summary>
public sealed record AxisView(string Name, IReadOnlyList<string> Values);
