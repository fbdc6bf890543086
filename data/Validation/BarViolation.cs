namespace QuantCluster.Data.Validation;

/// <summary>The first bar that breaks a data-quality rule: its 0-based index and what is wrong with it.</summary>
public readonly record struct BarViolation(int Row, string Reason);
