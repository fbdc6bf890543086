namespace QuantCluster.Grains.Tests.Support;

/// <summary>
/// The tests that change the process environment. xunit runs them alone, after the tests that run in
/// parallel, so that no other test reads the environment while one of them has changed it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedProcessEnvironment
{
    public const string Name = "Shared process environment";
}
