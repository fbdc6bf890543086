using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Output;
using QuantCluster.Engine.Strategies;
using Spectre.Console;

namespace QuantCluster.Client.Commands;

/// <summary>`quant strategy list`, `quant strategy info NAME` and `quant strategy leaderboard NAME`.</summary>
internal static class StrategyCommand
{
    public static Command Create()
    {
        var listJson = new Option<bool>("--json") { Description = "Print JSON." };
        var list = new Command("list", "List the strategies with a one-line description.") { listJson };
        list.SetAction(parse =>
        {
            if (parse.GetValue(listJson))
            {
                JsonOutput.Write(Console.Out, new JsonArray(StrategyCatalog.All.Select(s => (JsonNode)Describe(s)).ToArray()));
                return 0;
            }

            var table = new Table().AddColumns("strategy", "parameters", "description");
            foreach (var s in StrategyCatalog.All)
            {
                table.AddRow(Markup.Escape(s.Name), Markup.Escape(string.Join(", ", s.Parameters.Select(p => p.Name))), Markup.Escape(s.Description));
            }

            AnsiConsole.Write(table);
            return 0;
        });

        var name = new Argument<string>("name") { Description = "A strategy name from `quant strategy list`." };
        var infoJson = new Option<bool>("--json") { Description = "Print JSON." };
        var info = new Command("info", "Show a strategy's parameters: type, range, default, and its constraints.") { name, infoJson };
        info.SetAction(parse =>
        {
            Strategy strategy;
            try
            {
                strategy = StrategyCatalog.Find(parse.GetValue(name)!);
            }
            catch (StrategyParameterException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            if (parse.GetValue(infoJson))
            {
                JsonOutput.Write(Console.Out, Describe(strategy));
                return 0;
            }

            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(strategy.Name)}[/]: {Markup.Escape(strategy.Description)}");
            var table = new Table().AddColumns("parameter", "type", "range", "default", "meaning");
            foreach (var p in strategy.Parameters)
            {
                table.AddRow(
                    Markup.Escape(p.Name), p.Kind.ToString().ToLowerInvariant(), Markup.Escape(p.FormatRange()), Markup.Escape(p.Format(p.Default)),
                    Markup.Escape(p.Description));
            }

            AnsiConsole.Write(table);
            foreach (var constraint in strategy.Constraints)
            {
                AnsiConsole.MarkupLine($"constraint: {Markup.Escape(constraint)}");
            }

            return 0;
        });

        return new Command("strategy", "Strategies, their parameter schemas, and their best results on a cluster.") { list, info, StrategyLeaderboardCommand.Create() };
    }

    private static JsonObject Describe(Strategy strategy) => new()
    {
        ["name"] = strategy.Name,
        ["description"] = strategy.Description,
        ["parameters"] = new JsonArray(strategy.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["type"] = p.Kind.ToString().ToLowerInvariant(),
            ["min"] = p.Kind == ParameterKind.Choice ? null : p.Min,
            ["max"] = p.Kind == ParameterKind.Choice ? null : p.Max,
            ["choices"] = p.Kind == ParameterKind.Choice ? new JsonArray(p.Choices.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()) : null,
            ["default"] = p.Format(p.Default),
            ["description"] = p.Description,
        }).ToArray()),
        ["constraints"] = new JsonArray(strategy.Constraints.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
    };
}
