using System.Globalization;
using System.Text.Json.Nodes;
using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using Spectre.Console;

namespace QuantCluster.Client.Output;

/// <summary>A genetic search's generations: best and mean objective of each, the best so far, and how many new sets each evaluated.</summary>
internal static class GenerationHistoryView
{
    public static Table Table(Objective objective, IReadOnlyList<GenerationRecord> history)
    {
        var table = new Table()
            .AddColumn("generation")
            .AddColumn($"best {objective.Metric}")
            .AddColumn($"mean {objective.Metric}")
            .AddColumn("best so far")
            .AddColumn("new sets");
        foreach (var generation in history)
        {
            table.AddRow(
                generation.Generation.ToString(CultureInfo.InvariantCulture),
                MetricFormat.Format(objective.Metric, objective.MetricOf(generation.Best)),
                MetricFormat.Format(objective.Metric, objective.MetricOf(generation.Mean)),
                MetricFormat.Format(objective.Metric, objective.MetricOf(generation.BestSoFar)),
                generation.NewEvaluations.ToString("N0", CultureInfo.InvariantCulture));
        }

        return table;
    }

    /// <summary>Each generation with the objective in its own units (a minimised metric is shown as itself, not negated).</summary>
    public static JsonArray Json(Objective objective, IReadOnlyList<GenerationRecord> history) =>
        new([.. history.Select(g => (JsonNode)new JsonObject
        {
            ["generation"] = g.Generation,
            ["best"] = JsonOutput.Number(objective.MetricOf(g.Best)),
            ["mean"] = JsonOutput.Number(objective.MetricOf(g.Mean)),
            ["best_so_far"] = JsonOutput.Number(objective.MetricOf(g.BestSoFar)),
            ["new_evaluations"] = g.NewEvaluations,
        })]);
}
