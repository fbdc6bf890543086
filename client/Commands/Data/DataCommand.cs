using System.CommandLine;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data ...`: look at, convert, import and export bars.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Inspect, convert, import and export OHLCV bars (CSV, Parquet, PostgreSQL).")
        {
            InspectCommand.Create(),
            ConvertCommand.Create(),
            CatCommand.Create(),
        };
        return command;
    }
}
