using BenchmarkDotNet.Running;

namespace QuantCluster.Benchmarks;

/// <summary>
/// BenchmarkDotNet suites: `dotnet run -c Release --project bench/QuantCluster.Benchmarks -- --filter '*'`.
/// The sweep throughput figure of merit is `quant bench`; `-- cluster` runs the cluster throughput
/// harness (<see cref="ClusterThroughput"/>) instead.
/// </summary>
internal static class Program
{
    private static async Task Main(string[] args)
    {
        if (args is ["cluster", ..])
        {
            await ClusterThroughput.RunAsync(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
