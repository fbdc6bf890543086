using System.CommandLine;
using QuantCluster.Client.Commands;
using QuantCluster.Client.Commands.Data;
using QuantCluster.Client.Commands.Jobs;
using QuantCluster.Client.Commands.Tokens;
using QuantCluster.Client.Output;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Client;

internal static class Program
{
    private static int Main(string[] args)
    {
        TelemetryExport? telemetry;
        try
        {
            telemetry = TelemetryExport.Start("quant");
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        // Disposing flushes, so a short run's spans and metrics still reach the collector.
        using (telemetry)
        {
            ConsoleLayout.Configure();
            return CommandErrors.Invoke(Root(), args);
        }
    }

    internal static RootCommand Root() => new("quant: backtest and sweep trading strategies over OHLCV bars, on this machine or a cluster.")
    {
        BacktestCommand.Create(),
        StrategyCommand.Create(),
        BenchCommand.Create(),
        SweepCommand.Create(),
        WalkForwardCommand.Create(),
        JobCommand.Create(),
        DemoCommand.Create(),
        DataCommand.Create(),
        TokenCommand.Create(),
        ServeCommand.Create(),
    };
}
