using System.Globalization;
using System.Text.Json.Nodes;
using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using Spectre.Console;

namespace QuantCluster.Client.Output;

/// <summary>A walk-forward's folds (windows, chosen parameters, in- and out-of-sample metrics), its stitched result, efficiency and parameter stability.</summary>
internal static class WalkForwardView
{
    public static void Print(Strategy strategy, IReadOnlyList<string> swept, Objective objective, IReadOnlyList<FoldResult> folds, WalkForwardResult? result)
    {
        string metric = objective.Metric;
        var table = new Table().AddColumn("fold").AddColumn("in sample").AddColumn("out of sample");
        foreach (string name in swept)
        {
            table.AddColumn(name);
        }

        table.AddColumn($"IS {metric}").AddColumn($"OOS {metric}").AddColumn("OOS return").AddColumn("OOS trades");
        foreach (var fold in folds)
        {
            var cells = new List<string>
            {
                (fold.Fold + 1).ToString(CultureInfo.InvariantCulture),
                $"{fold.InSampleFrom:yyyy-MM-dd} .. {fold.InSampleTo:yyyy-MM-dd}",
                $"{fold.OutOfSampleFrom:yyyy-MM-dd} .. {fold.OutOfSampleTo:yyyy-MM-dd}",
            };
            cells.AddRange(swept.Select(name => fold.Parameters is { } p ? LeaderboardView.Format(strategy, name, p) : "-"));
            cells.Add(fold.InSample is { } inSample ? MetricFormat.Format(metric, inSample.Get(metric)) : "none qualified");
            cells.Add(MetricFormat.Format(metric, fold.OutOfSample.Get(metric)));
            cells.Add(MetricFormat.Format("total_return", fold.OutOfSample.TotalReturn));
            cells.Add(MetricFormat.Format("trades", fold.OutOfSample.Trades));
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        AnsiConsole.Write(table);
        if (result is null)
        {
            return;
        }

        var stitched = result.Stitched;
        AnsiConsole.MarkupLine(
            $"Out of sample, stitched: {metric} [bold]{MetricFormat.Format(metric, stitched.Get(metric))}[/], total return {MetricFormat.Format("total_return", stitched.TotalReturn)}, " +
            $"CAGR {MetricFormat.Format("cagr", stitched.Cagr)}, max drawdown {MetricFormat.Format("max_drawdown", stitched.MaxDrawdown)}, {stitched.Trades:N0} trades.");
        AnsiConsole.MarkupLine(
            $"Walk-forward efficiency (OOS CAGR / IS CAGR): [bold]{(double.IsFinite(result.Efficiency) ? result.Efficiency.ToString("0.00", CultureInfo.InvariantCulture) : "n/a (no in-sample gain)")}[/].");
        foreach (var stability in result.Stability)
        {
            AnsiConsole.MarkupLine(Markup.Escape(
                $"  {stability.Name}: {stability.Min:0.###}..{stability.Max:0.###}, mean {stability.Mean:0.###}, sd {stability.StandardDeviation:0.###}, " +
                $"{stability.Distinct} distinct, kept from the previous fold in {stability.Kept * 100:0}% of folds"));
        }
    }

    public static JsonArray Folds(Strategy strategy, IReadOnlyList<FoldResult> folds) =>
        new([.. folds.Select(fold => (JsonNode)new JsonObject
        {
            ["fold"] = fold.Fold + 1,
            ["in_sample"] = Window(fold.InSampleFrom, fold.InSampleTo, fold.InSampleBars),
            ["out_of_sample"] = Window(fold.OutOfSampleFrom, fold.OutOfSampleTo, fold.OutOfSampleBars),
            ["parameters"] = fold.Parameters is { } p ? LeaderboardView.Parameters(strategy, p) : null,
            ["in_sample_metrics"] = fold.InSample is { } m ? JsonOutput.Metrics(m) : null,
            ["out_of_sample_metrics"] = JsonOutput.Metrics(fold.OutOfSample),
            ["evaluations"] = fold.Evaluated,
        })]);

    public static JsonArray Stability(WalkForwardResult result) =>
        new([.. result.Stability.Select(s => (JsonNode)new JsonObject
        {
            ["parameter"] = s.Name,
            ["mean"] = JsonOutput.Number(s.Mean),
            ["sd"] = JsonOutput.Number(s.StandardDeviation),
            ["min"] = JsonOutput.Number(s.Min),
            ["max"] = JsonOutput.Number(s.Max),
            ["distinct"] = s.Distinct,
            ["kept"] = JsonOutput.Number(s.Kept),
        })]);

    private static JsonObject Window(DateTime from, DateTime to, int bars) => new()
    {
        ["from"] = from.ToString("O", CultureInfo.InvariantCulture),
        ["to"] = to.ToString("O", CultureInfo.InvariantCulture),
        ["bars"] = bars,
    };
}
