using BenchmarkDotNet.Running;

namespace QuantCluster.Benchmarks;

/// <summary>
/// BenchmarkDotNet suites: `dotnet run -c Release --project bench/QuantCluster.Benchmarks -- --filter '*'`.
/// The sweep throughput figure of merit is `quant bench`.
/// </summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
