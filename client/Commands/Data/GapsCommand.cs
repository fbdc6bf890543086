using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Output;
using QuantCluster.Data.Postgres;
using QuantCluster.Engine.Bars;
using Spectre.Console;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data gaps --symbol S --timeframe 1m`: the holes in a stored series.</summary>
internal static class GapsCommand
{
    public static Command Create()
    {
        var symbol = new Option<string>("--symbol") { Description = "The stored symbol.", Required = true };
        var timeframe = new Option<string>("--timeframe") { Description = "The stored timeframe: 1m, 5m, 1h, 1d, ...", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var database = new DatabaseOption();
        var command = new Command(
            "gaps",
            "List where consecutive stored bars are further apart than the timeframe. Daily series skip weekends but report missing " +
            "weekdays (holidays too); intraday series report every pause, nights and weekends included.")
        {
            symbol, timeframe, database.Option, json,
        };
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            string name = parse.GetValue(symbol)!;
            var frame = Timeframe.Parse(parse.GetValue(timeframe)!);
            var (coverage, gaps) = Gaps(database, parse, name, frame).GetAwaiter().GetResult();
            if (parse.GetValue(json))
            {
                var list = gaps.Select(g => (JsonNode)new JsonObject
                {
                    ["last_bar_before"] = CoverageCommand.UtcText(g.LastBarBefore),
                    ["first_bar_after"] = CoverageCommand.UtcText(g.FirstBarAfter),
                    ["missing_bars"] = g.MissingBars,
                });
                JsonOutput.Write(Console.Out, new JsonObject
                {
                    ["symbol"] = name,
                    ["timeframe"] = frame.ToString(),
                    ["bars"] = coverage.BarCount,
                    ["missing_bars"] = gaps.Sum(g => g.MissingBars),
                    ["gaps"] = new JsonArray([.. list]),
                });
                return 0;
            }

            Console.WriteLine(
                $"{name} {frame}: {coverage.BarCount:N0} bars from {CoverageCommand.UtcText(coverage.FirstBar)} " +
                $"to {CoverageCommand.UtcText(coverage.LastBar)}, {gaps.Count:N0} gaps, {gaps.Sum(g => g.MissingBars):N0} bars missing.");
            if (gaps.Count > 0)
            {
                var table = new Table().AddColumns("last bar before", "first bar after", "missing bars");
                foreach (var gap in gaps)
                {
                    table.AddRow(CoverageCommand.UtcText(gap.LastBarBefore), CoverageCommand.UtcText(gap.FirstBarAfter), $"{gap.MissingBars:N0}");
                }

                AnsiConsole.Write(table);
            }

            return 0;
        }));
        return command;
    }

    private static async Task<(BarCoverage Coverage, IReadOnlyList<BarGap> Gaps)> Gaps(
        DatabaseOption database, ParseResult parse, string symbol, Timeframe frame)
    {
        await using var store = await database.OpenStoreAsync(parse);
        var coverage = (await store.CoverageAsync(symbol)).FirstOrDefault(c => c.Timeframe == frame.ToString())
            ?? throw new ArgumentException($"no {symbol} {frame} bars are stored; `quant data coverage` lists what is");
        return (coverage, await store.GapsAsync(symbol, frame.ToString()));
    }
}
