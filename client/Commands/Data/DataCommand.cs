using System.CommandLine;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data ...`: look at, convert, import and export bars.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Inspect, convert, import and export OHLCV bars (CSV, Parquet, PostgreSQL).");
        command.Subcommands.Add(ImportCommand.Create());
        command.Subcommands.Add(CoverageCommand.Create());
        command.Subcommands.Add(GapsCommand.Create());
        command.Subcommands.Add(ExportCommand.Create());
        return command;
    }
}
