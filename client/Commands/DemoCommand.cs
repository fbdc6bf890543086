using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using QuantCluster.Client.Output;
using QuantCluster.Contracts;
using QuantCluster.Data;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using QuantCluster.Engine.Sweeps;
using Spectre.Console;

namespace QuantCluster.Client.Commands;

/// <summary>
/// `quant demo`: the whole product in one command. Generates realistic bars (or reads --data),
/// sweeps an SMA-crossover grid on every core of this machine and prints the leaderboard.
/// </summary>
internal static class DemoCommand
{
    private const string Fast = "fast=5:100:5";
    private const string Slow = "slow=10:400:10";
    private const string Direction = "direction=long_only,long_short";

    public static Command Create()
    {
        var data = new Option<FileInfo?>("--data") { Description = "Sweep these bars (CSV or Parquet) instead of generated ones." };
        var symbol = new Option<string?>("--symbol") { Description = "The symbol to use when the file holds several." };
        var bars = new Option<int>("--bars") { Description = "Bars to generate (one-minute bars).", DefaultValueFactory = _ => 500_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated bars.", DefaultValueFactory = _ => 42 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var top = new Option<int>("--top") { Description = "Rows of the leaderboard.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var command = new Command(
            "demo",
            $"Sweep sma_crossover over {Fast} x {Slow} x both directions (fast < slow) with 5 bps commission, fills at the next open, " +
            "and print the ten best by sharpe among sets with at least 10 trades.")
        {
            data, symbol, bars, seed, threads, top, json,
        };
        command.SetAction(parse => CommandErrors.Run(() =>
        {
            int threadCount = Math.Max(1, parse.GetValue(threads));
            bool asJson = parse.GetValue(json);
            var file = parse.GetValue(data);
            int barCount = parse.GetValue(bars);
            if (file is null && barCount < 1_000)
            {
                throw new ArgumentException("--bars must be at least 1000.");
            }

            var series = file is null
                ? RandomWalkBars.Generate(barCount, new Random(parse.GetValue(seed)), "DEMO")
                : BarFiles.Read(file.FullName, parse.GetValue(symbol));
            var strategy = StrategyCatalog.Find("sma_crossover");
            var grid = new ParameterGrid(strategy, [GridAxis.Parse(Fast, strategy), GridAxis.Parse(Slow, strategy), GridAxis.Parse(Direction, strategy)]);
            var sets = grid.Enumerate().ToArray();
            var objective = Objective.For("sharpe", minTrades: 10);
            var settings = new BacktestSettings { CommissionBps = 5 };

            var clock = Stopwatch.StartNew();
            var evaluator = new SweepEvaluator(series, settings);
            var results = asJson || Console.IsOutputRedirected
                ? evaluator.Evaluate(strategy, sets, threadCount)
                : WithProgress(evaluator, strategy, sets, threadCount);
            double seconds = clock.Elapsed.TotalSeconds;
            var best = objective.Best(results, parse.GetValue(top));
            double rate = (double)series.Count * sets.Length / seconds;

            if (asJson)
            {
                JsonOutput.Write(Console.Out, new JsonObject
                {
                    ["symbol"] = series.Symbol,
                    ["bars"] = series.Count,
                    ["parameter_sets"] = sets.Length,
                    ["seconds"] = Math.Round(seconds, 4),
                    ["bar_evaluations_per_second"] = Math.Round(rate),
                    ["objective"] = objective.Metric,
                    ["leaderboard"] = new JsonArray(best.Select(i => (JsonNode)new JsonObject
                    {
                        ["parameters"] = BacktestCommand.Parameters(sets[i]),
                        ["metrics"] = JsonOutput.Metrics(results[i]),
                    }).ToArray()),
                });
                return 0;
            }

            AnsiConsole.MarkupLine(
                $"Swept [bold]{sets.Length:N0}[/] parameter sets over [bold]{series.Count:N0}[/] bars of {Markup.Escape(series.Symbol)} " +
                $"in {seconds:F2} s on {threadCount} thread(s): [bold]{rate / 1e6:N0} M[/] bar-evaluations/s.");
            var table = new Table().AddColumns("#", "fast", "slow", "side", "sharpe", "return", "max dd", "trades", "win");
            int rank = 0;
            foreach (int i in best)
            {
                var p = sets[i].Named().ToDictionary(x => x.Key, x => x.Value);
                var m = results[i];
                table.AddRow(
                    $"{++rank}", p["fast"], p["slow"], p["direction"] == "long_only" ? "long" : "both", MetricFormat.Format("sharpe", m.Sharpe), MetricFormat.Format("total_return", m.TotalReturn),
                    MetricFormat.Format("max_drawdown", m.MaxDrawdown), MetricFormat.Format("trades", m.Trades), MetricFormat.Format("win_rate", m.WinRate));
            }

            AnsiConsole.Write(table);
            if (best.Count == 0)
            {
                AnsiConsole.MarkupLine("No parameter set made 10 trades.");
            }

            return 0;
        }));
        return command;
    }

    private static Metrics[] WithProgress(SweepEvaluator evaluator, Strategy strategy, ParameterValues[] sets, int threads)
    {
        Metrics[] results = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("backtests", maxValue: sets.Length);
                results = evaluator.Evaluate(strategy, sets, threads, new Progress<int>(done => task.Value = done));
                task.Value = sets.Length;
            });
        return results;
    }
}
