using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Output;
using QuantCluster.Data;
using QuantCluster.Data.Postgres;
using QuantCluster.Engine.Bars;
using Spectre.Console;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data import FILE --symbol S --timeframe 1m`: a file's bars into the PostgreSQL bar store.</summary>
internal static class ImportCommand
{
    // Below this the import is over before a progress bar would be worth drawing.
    private const int ProgressBarFrom = 100_000;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Bars: a CSV or Parquet file." };
        var symbol = new Option<string>("--symbol")
        {
            Description = "The symbol to store the bars under; it also picks that symbol's rows from a file that holds several.",
            Required = true,
        };
        var timeframe = new Option<string>("--timeframe") { Description = "The bars' spacing: 1m, 5m, 1h, 1d, ... (units s, m, h, d, w).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a sentence." };
        var database = new DatabaseOption();
        var command = new Command(
            "import",
            "Validate a file's bars and store them in PostgreSQL, all or nothing. A bar already stored at the same time is replaced " +
            "when its values differ (the latest import wins) and kept when they match, so overlapping imports never duplicate bars.")
        {
            file, symbol, timeframe, database.Option, json,
        };
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            string connectionString = database.ConnectionString(parse);
            string name = parse.GetValue(symbol)!;
            var frame = Timeframe.Parse(parse.GetValue(timeframe)!);
            var path = parse.GetValue(file)!;
            var bars = Renamed(BarFiles.Read(path.FullName, name), name);
            var result = Import(connectionString, bars, frame, path.Name, showProgress: !parse.GetValue(json)).GetAwaiter().GetResult();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(Console.Out, new JsonObject
                {
                    ["symbol"] = bars.Symbol,
                    ["timeframe"] = frame.ToString(),
                    ["source"] = path.Name,
                    ["bars"] = bars.Count,
                    ["inserted"] = result.Inserted,
                    ["replaced"] = result.Replaced,
                    ["unchanged"] = result.Unchanged,
                });
            }
            else
            {
                Console.WriteLine(
                    $"Imported {bars.Symbol} {frame} from {path.Name}: {bars.Count:N0} bars, " +
                    $"{result.Inserted:N0} inserted, {result.Replaced:N0} replaced, {result.Unchanged:N0} unchanged.");
            }

            return 0;
        }));
        return command;
    }

    // Ctrl+C ends the process mid-import; the server then rolls the open transaction back, so
    // nothing is stored.
    private static async Task<BarImportResult> Import(string connectionString, BarSeries bars, Timeframe frame, string source, bool showProgress)
    {
        await using var store = await PostgresBarStore.OpenAsync(connectionString);
        if (!showProgress || Console.IsOutputRedirected || bars.Count < ProgressBarFrom)
        {
            return await store.ImportAsync(bars, frame.ToString(), source);
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var upload = context.AddTask($"uploading {bars.Count:N0} bars", maxValue: bars.Count);
                var progress = new Progress<long>(sent =>
                {
                    upload.Value = Math.Max(upload.Value, sent);
                    if (sent == bars.Count)
                    {
                        upload.Description = "merging into the store";
                    }
                });
                var result = await store.ImportAsync(bars, frame.ToString(), source, progress);
                upload.Description = "stored";
                upload.Value = bars.Count;
                return result;
            });
    }

    // The bars are stored under the symbol as given, even when the file spells it another way.
    private static BarSeries Renamed(BarSeries bars, string symbol) => bars.Symbol == symbol
        ? bars
        : new BarSeries(symbol, bars.Timestamps, bars.Open, bars.High, bars.Low, bars.Close, bars.Volume);
}
