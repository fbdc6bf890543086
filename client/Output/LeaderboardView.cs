using System.Text.Json.Nodes;
using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using Spectre.Console;

namespace QuantCluster.Client.Output;

/// <summary>Ranked results as a person reads them (a table of the swept parameters and the key metrics) or as JSON.</summary>
internal static class LeaderboardView
{
    private static readonly string[] KeyMetrics = ["sharpe", "total_return", "max_drawdown", "trades", "win_rate"];

    public static Table Table(Strategy strategy, IReadOnlyList<string> swept, Objective objective, IReadOnlyList<EvaluationResult> ranked)
    {
        var metrics = KeyMetrics.Contains(objective.Metric) ? KeyMetrics : [objective.Metric, .. KeyMetrics];
        var table = new Table().AddColumn("#");
        foreach (string name in swept)
        {
            table.AddColumn(name);
        }

        foreach (string metric in metrics)
        {
            table.AddColumn(metric == objective.Metric ? $"[bold]{metric}[/]" : metric);
        }

        int rank = 0;
        foreach (var result in ranked)
        {
            var cells = new List<string> { $"{++rank}" };
            cells.AddRange(swept.Select(name => Format(strategy, name, result.Parameters)));
            cells.AddRange(metrics.Select(metric => MetricFormat.Format(metric, result.Metrics.Get(metric))));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        return table;
    }

    public static JsonArray Json(Strategy strategy, IReadOnlyList<EvaluationResult> ranked) =>
        new(ranked.Select(result => (JsonNode)new JsonObject
        {
            ["parameters"] = Parameters(strategy, result.Parameters),
            ["metrics"] = JsonOutput.Metrics(result.Metrics),
        }).ToArray());

    /// <summary>Parameter values by name: numbers as numbers, choices by their names.</summary>
    public static JsonObject Parameters(Strategy strategy, IReadOnlyDictionary<string, double> values)
    {
        var json = new JsonObject();
        foreach (var parameter in strategy.Parameters)
        {
            double value = values.TryGetValue(parameter.Name, out double v) ? v : parameter.Default;
            json[parameter.Name] = parameter.Kind == ParameterKind.Choice ? JsonValue.Create(parameter.Format(value)) : JsonValue.Create(value);
        }

        return json;
    }

    /// <summary>One parameter's value as a user writes it; a parameter the set does not name shows its default.</summary>
    public static string Format(Strategy strategy, string name, IReadOnlyDictionary<string, double> values)
    {
        var parameter = strategy.Parameters.First(p => p.Name == name);
        return parameter.Format(values.TryGetValue(name, out double v) ? v : parameter.Default);
    }
}
