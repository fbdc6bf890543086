using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Output;
using QuantCluster.Data.Postgres;
using QuantCluster.Engine.Bars;
using Spectre.Console;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`quant data coverage`: which series the PostgreSQL bar store holds, and over what range.</summary>
internal static class CoverageCommand
{
    public static Command Create()
    {
        var symbol = new Option<string?>("--symbol") { Description = "Only this symbol's series." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var database = new DatabaseOption();
        var command = new Command("coverage", "List the stored series: symbol, timeframe, first and last bar, bar count, and the latest import's source.")
        {
            symbol, database.Option, json,
        };
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            var coverage = Coverage(database, parse, parse.GetValue(symbol)).GetAwaiter().GetResult();
            if (parse.GetValue(json))
            {
                var series = coverage.Select(c => (JsonNode)new JsonObject
                {
                    ["symbol"] = c.Symbol,
                    ["timeframe"] = c.Timeframe,
                    ["first_bar"] = UtcText(c.FirstBar),
                    ["last_bar"] = UtcText(c.LastBar),
                    ["bars"] = c.BarCount,
                    ["source"] = c.Source,
                    ["updated_at"] = UtcText(c.UpdatedAt),
                });
                JsonOutput.Write(Console.Out, new JsonObject { ["coverage"] = new JsonArray([.. series]) });
                return 0;
            }

            if (coverage.Count == 0)
            {
                Console.WriteLine("No bars are stored yet; add some with `quant data import FILE --symbol S --timeframe 1m`.");
                return 0;
            }

            var table = new Table().AddColumns("symbol", "timeframe", "first bar", "last bar", "bars", "source", "updated");
            foreach (var c in coverage)
            {
                table.AddRow(
                    Markup.Escape(c.Symbol), c.Timeframe, UtcText(c.FirstBar), UtcText(c.LastBar), $"{c.BarCount:N0}", Markup.Escape(c.Source),
                    UtcText(c.UpdatedAt));
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    public static string UtcText(DateTime utc) => UtcMicroseconds.Format(UtcMicroseconds.FromDateTime(utc));

    private static async Task<IReadOnlyList<BarCoverage>> Coverage(DatabaseOption database, ParseResult parse, string? symbol)
    {
        await using var store = await database.OpenStoreAsync(parse);
        return await store.CoverageAsync(symbol);
    }
}
