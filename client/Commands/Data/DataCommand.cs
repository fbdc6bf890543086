using System.CommandLine;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data ...`: look at, convert, import and export bars.</summary>
internal static class DataCommand
{
    public static Command Create() => new("data", "Inspect, convert, import and export OHLCV bars (CSV, Parquet, PostgreSQL).")
    {
        InspectCommand.Create(),
        CatCommand.Create(),
        ConvertCommand.Create(),
        ImportCommand.Create(),
        CoverageCommand.Create(),
        GapsCommand.Create(),
        ExportCommand.Create(),
    };
}
