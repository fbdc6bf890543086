using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Commands.Data;
using QuantCluster.Client.Commands.Jobs;
using QuantCluster.Client.Output;
using QuantCluster.Contracts.Strategies;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using Spectre.Console;

namespace QuantCluster.Client.Commands;

/// <summary>`quant strategy leaderboard NAME`: the Strategy grain's best results per symbol, over every completed job on the cluster.</summary>
internal static class StrategyLeaderboardCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "A strategy name from `quant strategy list`." };
        var symbol = new Option<string?>("--symbol") { Description = "Only this symbol (for a file without symbols, its file name)." };
        var metric = new Option<string>("--metric") { Description = "The metric to rank by (its natural direction).", DefaultValueFactory = _ => "sharpe" };
        var minTrades = new Option<int>("--min-trades") { Description = "Rank only sets with at least this many completed trades." };
        var top = new Option<int>("--top") { Description = "Rows per symbol.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var database = new DatabaseOption();
        var command = new Command(
            "leaderboard",
            "The strategy's best parameter sets per symbol, from the best results every completed job on the cluster kept.")
        {
            name, symbol, metric, minTrades, top, json, database.Option,
        };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var strategy = StrategyCatalog.Find(parse.GetValue(name)!);
            var objective = Objective.For(parse.GetValue(metric)!, parse.GetValue(minTrades));
            if (parse.GetValue(top) < 1)
            {
                throw new ArgumentException("--top must be at least 1.");
            }

            await using var cluster = await ClusterConnection.OpenAsync(database.ConnectionString(parse));
            var board = await cluster.Client.Grains.GetGrain<IStrategyGrain>(strategy.Name)
                .GetLeaderboardAsync(objective.Metric, objective.MinTrades, parse.GetValue(top), parse.GetValue(symbol));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(Console.Out, new JsonArray(board.Select(e => (JsonNode)new JsonObject
                {
                    ["symbol"] = e.Symbol,
                    ["job_id"] = e.JobId.ToString(),
                    ["parameters"] = LeaderboardView.Parameters(strategy, e.Result.Parameters),
                    ["metrics"] = JsonOutput.Metrics(e.Result.Metrics),
                }).ToArray()));
                return 0;
            }

            if (board.Count == 0)
            {
                Console.WriteLine($"No completed {strategy.Name} job has results{(parse.GetValue(symbol) is { } s ? $" on {s}" : "")} yet; run quant sweep --db first.");
                return 0;
            }

            var swept = strategy.Parameters.Select(p => p.Name).ToArray();
            foreach (var group in board.GroupBy(e => e.Symbol))
            {
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(group.Key)}[/]");
                AnsiConsole.Write(LeaderboardView.Table(strategy, swept, objective, group.Select(e => e.Result).ToArray()));
            }

            return 0;
        }));
        return command;
    }
}
