using System.CommandLine;
using QuantCluster.Client.Commands;
using QuantCluster.Client.Commands.Data;
using QuantCluster.Client.Commands.Jobs;

namespace QuantCluster.Client;

internal static class Program
{
    private static int Main(string[] args) => Root().Parse(args).Invoke();

    internal static RootCommand Root() => new("quant: backtest and sweep trading strategies over OHLCV bars, on this machine or a cluster.")
    {
        BacktestCommand.Create(),
        StrategyCommand.Create(),
        BenchCommand.Create(),
        SweepCommand.Create(),
        JobCommand.Create(),
        DemoCommand.Create(),
        DataCommand.Create(),
    };
}
