using BenchmarkDotNet.Running;

namespace QuantCluster.Benchmarks;

/// <summary>
/// BenchmarkDotNet suites: `dotnet run -c Release --project bench/QuantCluster.Benchmarks -- --filter '*'`.
/// The sweep throughput figure of merit is `quant bench`; `-- cluster` runs the cluster throughput
/// harness (<see cref="ClusterThroughput"/>) instead, `-- small` the small-job latency (<see cref="SmallJobLatency"/>).
/// </summary>
internal static class Program
{
    private static async Task Main(string[] args)
    {
        switch (args)
        {
            case ["cluster", ..]:
                await ClusterThroughput.RunAsync(args);
                return;
            case ["bounded"]:
                await BoundedMemoryRun.RunAsync();
                return;
            case ["small", .. var quant]:
                await SmallJobLatency.RunAsync(quant.FirstOrDefault());
                return;
            case ["genetic", var file, var population, var generations, var patience, var mutation]:
                GeneticVersusGrid.Run(file, new Contracts.GeneticSettings
                {
                    Population = int.Parse(population, System.Globalization.CultureInfo.InvariantCulture),
                    Generations = int.Parse(generations, System.Globalization.CultureInfo.InvariantCulture),
                    Patience = int.Parse(patience, System.Globalization.CultureInfo.InvariantCulture),
                    MutationRate = double.Parse(mutation, System.Globalization.CultureInfo.InvariantCulture),
                });
                return;
            case ["genetic", .. var file]:
                GeneticVersusGrid.Run(file.FirstOrDefault());
                return;
            case ["walkforward", .. var size]:
                await WalkForwardVersusGrid.RunAsync(size);
                return;
            case ["api-load", ..]:
                await ApiStatusLoad.RunAsync(args);
                return;
            case ["page-load", ..]:
                await PageLoad.RunAsync(args);
                return;
            case ["small-steps", var bars]:
                await SmallJobLatency.StepsAsync(bars);
                return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
