using System.Diagnostics;
using QuantCluster.Contracts;
using QuantCluster.Data;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Optimizers.Genetic;
using QuantCluster.Engine.Strategies;
using QuantCluster.Engine.Sweeps;

namespace QuantCluster.Benchmarks;

/// <summary>
/// How close the genetic optimizer comes to the grid's optimum, and with how many evaluations: a
/// 100,000-set sma_crossover space on real bars (../shared/data/market/EURUSD.csv), every set scored
/// once by the engine (the grid's exact answer), then the genetic search with its default settings
/// for seeds 1..10, each genome's score taken from the grid's (evaluating it again would give the
/// same number). Run: dotnet run -c Release --project bench/QuantCluster.Benchmarks -- genetic [bars.csv]
/// </summary>
internal static class GeneticVersusGrid
{
    public static void Run(string? path, GeneticSettings? settingsOverride = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "data", "market", "EURUSD.csv");
        var bars = BarFiles.Read(Path.GetFullPath(path), null);
        var strategy = StrategyCatalog.Find("sma_crossover");
        var grid = new ParameterGrid(strategy, [GridAxis.Parse("fast=2:201:1", strategy), GridAxis.Parse("slow=10:1119:2", strategy)]);
        var objective = Objective.For("sharpe", minTrades: 10);
        var settings = new BacktestSettings { CommissionBps = 1 };

        var clock = Stopwatch.StartNew();
        var scores = new double[grid.Size];
        Array.Fill(scores, double.NegativeInfinity);
        var valid = Enumerable.Range(0, (int)grid.Size).Where(i => strategy.CheckConstraints(new ParameterValues(strategy.Parameters, grid.ValuesAt(i))) is null).ToArray();
        var metrics = new SweepEvaluator(bars, settings).Evaluate(strategy, [.. valid.Select(i => new ParameterValues(strategy.Parameters, grid.ValuesAt(i)))], Environment.ProcessorCount);
        for (int i = 0; i < valid.Length; i++)
        {
            scores[valid[i]] = objective.Score(metrics[i]);
        }

        double optimum = scores.Max();
        Console.WriteLine($"grid: {valid.Length:N0} valid sets of sma_crossover over {bars.Count:N0} bars of {Path.GetFileName(path)}, best sharpe {optimum:F4} ({clock.Elapsed.TotalSeconds:F1} s)");

        var outcomes = new List<(double Gap, int Evaluations)>();
        for (int seed = 1; seed <= 10; seed++)
        {
            var state = new GeneticSearch(grid, settingsOverride ?? new GeneticSettings(), seed).Run(genomes => [.. genomes.Select(g => scores[g])]);
            double best = GeneticSearch.Ranked(state).First().Value;
            double gap = (optimum - best) / Math.Abs(optimum);
            outcomes.Add((gap, state.Scores.Count));
            Console.WriteLine($"seed {seed,2}: best {best:F4} ({gap:P2} below the optimum), {state.Scores.Count:N0} evaluations ({state.Scores.Count / (double)valid.Length:P2} of the grid), {state.History.Count} generations");
        }

        var gaps = outcomes.Select(o => o.Gap).Order().ToArray();
        var evaluations = outcomes.Select(o => o.Evaluations).Order().ToArray();
        Console.WriteLine(
            $"median over 10 seeds: {(gaps[4] + gaps[5]) / 2:P2} below the grid's optimum, {(evaluations[4] + evaluations[5]) / 2.0:N0} evaluations " +
            $"({(evaluations[4] + evaluations[5]) / 2.0 / valid.Length:P2} of the grid); within 1% for {gaps.Count(g => g <= 0.01)} of 10 seeds");
    }
}
