using System.CommandLine;
using QuantCluster.Client.Commands.Jobs;
using QuantCluster.Client.Output;
using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Jobs;

namespace QuantCluster.Client.Commands;

/// <summary>
/// `quant demo`: the whole product in one command. Generates realistic bars (or reads --data),
/// submits an SMA-crossover grid to the embedded local cluster (one worker per core), follows it
/// and prints the leaderboard.
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
        var threads = new Option<int>("--threads") { Description = "Workers of the local cluster (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var top = new Option<int>("--top") { Description = "Rows of the leaderboard.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var command = new Command(
            "demo",
            $"Sweep sma_crossover over {Fast} x {Slow} x both directions (fast < slow) with 5 bps commission, fills at the next open, " +
            "on the embedded local cluster, and print the ten best by sharpe among sets with at least 10 trades.")
        {
            data, symbol, bars, seed, threads, top, json,
        };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var file = parse.GetValue(data);
            int barCount = parse.GetValue(bars);
            if (file is null && (barCount < 1_000 || barCount > 50_000_000))
            {
                throw new ArgumentException("--bars must be between 1,000 and 50,000,000.");
            }

            if (file is { Exists: false })
            {
                throw new FileNotFoundException($"There is no file {file.FullName}.", file.FullName);
            }

            var spec = Spec(file is null
                ? new JobDataSource("DEMO", "1m") { GeneratedBars = barCount, GeneratedSeed = parse.GetValue(seed) }
                : new JobDataSource(parse.GetValue(symbol) ?? "", "") { Path = file.FullName });

            return await JobSubmission.RunLocalAsync(spec, Math.Max(1, parse.GetValue(threads)), parse.GetValue(top), parse.GetValue(json), cancellation);
        }));
        return command;
    }

    /// <summary>The demo's sweep over these bars (`quant serve --data` runs it too).</summary>
    internal static JobSpec Spec(JobDataSource data)
    {
        var strategy = StrategyCatalog.Find("sma_crossover");
        return new JobSpec
        {
            Strategy = strategy.Name,
            Axes = new[] { Fast, Slow, Direction }.Select(text => GridAxis.Parse(text, strategy)).Select(a => new ParameterAxis(a.Name, a.Values)).ToArray(),
            Objective = "sharpe",
            MinTrades = 10,
            Settings = new BacktestSettings { CommissionBps = 5 },
            Data = data,
        };
    }
}
