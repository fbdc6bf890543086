namespace QuantCluster.Grains.Tests.Support;

/// <summary>
/// Marks a test class whose <see cref="StoreFactAttribute"/> tests need the PostgreSQL test server:
/// without one they are skipped with instructions on a developer's machine and fail on CI.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UsesTestServerAttribute : Attribute;
