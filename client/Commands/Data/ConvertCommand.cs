using System.CommandLine;
using QuantCluster.Data;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data convert IN OUT`: bars from one format to the other, validated on the way.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("in") { Description = "The bars to read: a .csv, .txt or .parquet file." };
        var output = new Argument<FileInfo>("out") { Description = "The file to write; its extension (.csv or .parquet) chooses the format." };
        var symbol = new Option<string?>("--symbol") { Description = "The symbol to convert when the input holds several." };
        var force = new Option<bool>("--force") { Description = "Replace OUT if it exists." };
        var command = new Command(
            "convert",
            "Convert bars between CSV and Parquet. The input is read as a backtest reads it (columns found by name, every bar validated),\n" +
            "so a bad file is refused with the row and the reason and nothing is written. Parquet is written as ts (TIMESTAMP UTC),\n" +
            "symbol, open, high, low, close, volume (DOUBLE), ZSTD-compressed; CSV with the header ts,symbol,open,high,low,close,volume\n" +
            "and ISO-8601 UTC timestamps. OUT is written to a temporary file and renamed, so a failure leaves no half-written file.\n\n" +
            "Examples:\n  quant data convert GOOG.csv GOOG.parquet\n  quant data convert all.csv msft.parquet --symbol MSFT --force")
        {
            input, output, symbol, force,
        };
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            if (target.Exists && !parse.GetValue(force))
            {
                throw new ArgumentException($"{target.FullName} already exists; pass --force to replace it.");
            }

            var bars = BarFiles.Read(source.FullName, parse.GetValue(symbol));
            BarFiles.Write(target.FullName, bars, overwrite: true);
            Console.WriteLine(
                $"Wrote {bars.Count:N0} bars of {bars.Symbol} ({UtcMicroseconds.Format(bars.Timestamps[0])} to {UtcMicroseconds.Format(bars.Timestamps[^1])}) to {target.Name}.");
            return 0;
        }));
        return command;
    }
}
