using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Tests.Purity;

/// <summary>The engine is pure compute: it references the runtime and the contracts, and nothing that does I/O or hosts it.</summary>
public sealed class EngineDependencyTests
{
    [Fact]
    public void The_engine_references_only_the_runtime_and_the_contracts()
    {
        var references = typeof(Strategy).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "QuantCluster.Contracts",
            $"the engine references {name}"));
    }

    [Fact]
    public void Every_type_of_the_engine_loads_without_Orleans_beside_it()
    {
        Assert.DoesNotContain(typeof(Strategy).Assembly.GetTypes(), type => type.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) == true);
    }
}
