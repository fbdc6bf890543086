using System.CommandLine;
using System.Globalization;
using QuantCluster.Data;
using QuantCluster.Data.Postgres;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data export --symbol S --timeframe 1m --out FILE`: a stored series to Parquet or CSV.</summary>
internal static class ExportCommand
{
    private const string TimeFormats = "give an ISO-8601 UTC date or time, e.g. 2024-01-31 or 2024-01-31T14:30:00Z";

    public static Command Create()
    {
        var symbol = new Option<string>("--symbol") { Description = "The stored symbol.", Required = true };
        var timeframe = new Option<string>("--timeframe") { Description = "The stored timeframe: 1m, 5m, 1h, 1d, ...", Required = true };
        var format = new Option<string?>("--format") { Description = "parquet or csv (default: from the --out extension)." };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var output = new Option<FileInfo>("--out") { Description = "The file to write (replaced if it exists).", Required = true };
        var from = new Option<string?>("--from") { Description = "First bar time to include, UTC (default: the first stored)." };
        var to = new Option<string?>("--to") { Description = "Last bar time to include, UTC (default: the last stored)." };
        var database = new DatabaseOption();
        var command = new Command(
            "export",
            "Write a stored series to Parquet (columns ts, symbol, open, high, low, close, volume; ts as UTC microseconds) " +
            "or CSV (the same columns with a header, ts as ISO-8601 UTC).")
        {
            symbol, timeframe, format, output, from, to, database.Option,
        };
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            string name = parse.GetValue(symbol)!;
            var frame = Timeframe.Parse(parse.GetValue(timeframe)!);
            string path = parse.GetValue(output)!.FullName;
            var kind = parse.GetValue(format) is { } given ? (given == "parquet" ? BarFileFormat.Parquet : BarFileFormat.Csv) : FormatOf(path);
            DateTime? first = Time(parse.GetValue(from), "--from"), last = Time(parse.GetValue(to), "--to");
            var bars = Read(database, parse, name, frame, first, last).GetAwaiter().GetResult();
            if (bars.Count == 0)
            {
                throw new ArgumentException($"no {name} {frame} bars are stored{Range(first, last)}; `quant data coverage` lists what is");
            }

            BarFiles.Write(path, bars, kind, overwrite: true);

            Console.WriteLine(
                $"Wrote {bars.Count:N0} {name} {frame} bars ({UtcMicroseconds.Format(bars.Timestamps[0])} to " +
                $"{UtcMicroseconds.Format(bars.Timestamps[^1])}) to {path}.");
            return 0;
        }));
        return command;
    }

    private static async Task<BarSeries> Read(DatabaseOption database, ParseResult parse, string symbol, Timeframe frame, DateTime? from, DateTime? to)
    {
        await using var store = await database.OpenStoreAsync(parse);
        return await store.ReadAsync(symbol, frame.ToString(), from, to);
    }

    private static BarFileFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".parquet" or ".pq" => BarFileFormat.Parquet,
        ".csv" => BarFileFormat.Csv,
        _ => throw new ArgumentException($"cannot tell the format from '{Path.GetFileName(path)}': give --format parquet or --format csv"),
    };

    private static DateTime? Time(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new ArgumentException($"{option} '{text}' is not a time: {TimeFormats}");
    }

    private static string Range(DateTime? from, DateTime? to) =>
        (from, to) switch
        {
            (null, null) => "",
            ({ } f, null) => $" from {CoverageCommand.UtcText(f)}",
            (null, { } t) => $" up to {CoverageCommand.UtcText(t)}",
            ({ } f, { } t) => $" from {CoverageCommand.UtcText(f)} to {CoverageCommand.UtcText(t)}",
        };
}
