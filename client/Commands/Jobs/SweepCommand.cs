using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Commands.Data;
using QuantCluster.Client.Output;
using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Jobs;
using Spectre.Console;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>
/// `quant sweep`: submits a grid or random search. With --db or QUANT_DB it goes to the cluster
/// (and returns the job id, or follows it with --watch); without, it runs on the embedded local
/// cluster, one worker per core, and prints the leaderboard when done.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var strategy = new Option<string>("--strategy") { Description = "The strategy to sweep (see quant strategy list).", Required = true };
        var data = new Option<FileInfo?>("--data") { Description = "Bars from a CSV or Parquet file (on a cluster, at a path every silo can read)." };
        var symbol = new Option<string?>("--symbol") { Description = "The symbol: in the bar store (with --timeframe), or the one to use of a file holding several." };
        var timeframe = new Option<string?>("--timeframe") { Description = "The bar store's timeframe, e.g. 1m, 1h, 1d." };
        var from = new Option<DateTime?>("--from") { Description = "First bar time to use (UTC), e.g. 2024-01-01." };
        var to = new Option<DateTime?>("--to") { Description = "Last bar time to use (UTC)." };
        var grid = new Option<string[]>("--grid")
        {
            Description = "A swept parameter: name=start:stop:step (stop included) or name=a,b,c; repeat for each. Unswept parameters keep their defaults.",
            AllowMultipleArgumentsPerToken = false,
        };
        var optimizer = new Option<string>("--optimizer") { Description = "grid: every combination; random: --samples distinct combinations drawn with --seed.", DefaultValueFactory = _ => "grid" };
        var samples = new Option<int>("--samples") { Description = "Combinations the random optimizer draws." };
        var seed = new Option<long>("--seed") { Description = "Seed of the random optimizer: the same seed draws the same sets, locally or on a cluster.", DefaultValueFactory = _ => 1 };
        var objective = new Option<string>("--objective") { Description = $"The metric to rank by: {string.Join(", ", Metrics.Names)}.", DefaultValueFactory = _ => "sharpe" };
        var minimise = new Option<bool>("--minimize") { Description = "Rank the smallest first (default: risks such as max_drawdown are minimised, the rest maximised)." };
        var maximise = new Option<bool>("--maximize") { Description = "Rank the largest first." };
        var minTrades = new Option<int>("--min-trades") { Description = "Rank only sets with at least this many completed trades." };
        var database = new DatabaseOption();
        var local = new Option<bool>("--local") { Description = "Run on the embedded local cluster even if QUANT_DB is set." };
        var workers = new Option<int>("--workers") { Description = "Workers of the local cluster (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var watch = new Option<bool>("--watch") { Description = "On a cluster, follow the job to its end with a live progress bar (a local sweep always waits)." };
        var top = new Option<int>("--top") { Description = "Rows of the leaderboard.", DefaultValueFactory = _ => 10 };
        var out_ = new Option<FileInfo?>("--out") { Description = "Also write every result to this file (.csv, .parquet or .json)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var settings = new BacktestOptions();
        var command = new Command(
            "sweep",
            "Backtest every combination of a parameter grid (or a random sample of it) and rank the results. " +
            "Example: quant sweep --strategy sma_crossover --data bars.parquet --grid fast=5:100:5 --grid slow=10:400:10 --min-trades 10")
        {
            strategy, data, symbol, timeframe, from, to, grid, optimizer, samples, seed, objective, minimise, maximise, minTrades,
            database.Option, local, workers, watch, top, out_, json,
        };
        settings.AddTo(command);
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var chosen = StrategyCatalog.Find(parse.GetValue(strategy)!);
            var axes = (parse.GetValue(grid) ?? []).Select(text => GridAxis.Parse(text, chosen)).ToArray();
            if (axes.Length == 0)
            {
                throw new ArgumentException($"give at least one --grid, e.g. --grid {chosen.Parameters[0].Name}=... ({string.Join(", ", chosen.Parameters.Select(p => $"{p.Name} {p.FormatRange()}"))})");
            }

            if (parse.GetValue(minimise) && parse.GetValue(maximise))
            {
                throw new ArgumentException("--minimize and --maximize contradict each other; give one.");
            }

            var kind = parse.GetValue(optimizer) switch
            {
                "grid" => OptimizerKind.Grid,
                "random" => OptimizerKind.Random,
                var other => throw new ArgumentException($"--optimizer {other} is not an optimizer; use grid or random."),
            };
            if (kind == OptimizerKind.Random && parse.GetValue(samples) < 1)
            {
                throw new ArgumentException("the random optimizer needs --samples N (how many combinations to draw).");
            }

            var spec = new JobSpec
            {
                Strategy = chosen.Name,
                Axes = axes.Select(a => new ParameterAxis(a.Name, a.Values)).ToArray(),
                Objective = parse.GetValue(objective)!,
                Maximise = parse.GetValue(minimise) ? false : parse.GetValue(maximise) ? true : null,
                MinTrades = parse.GetValue(minTrades),
                Optimizer = kind,
                Samples = kind == OptimizerKind.Random ? parse.GetValue(samples) : 0,
                Seed = parse.GetValue(seed),
                Settings = settings.Read(parse),
                Data = Source(parse.GetValue(data), parse.GetValue(symbol), parse.GetValue(timeframe), parse.GetValue(from), parse.GetValue(to)),
            };
            var sweep = SweepDefinition.From(spec);
            var output = parse.GetValue(out_);
            if (output is not null)
            {
                _ = ResultsFormats.Of(output.FullName, null);
            }

            string? connectionString = parse.GetValue(local) ? null : database.OptionalConnectionString(parse);
            await using var cluster = connectionString is null
                ? await ClusterConnection.StartLocalAsync(Math.Max(1, parse.GetValue(workers)), spec)
                : await ClusterConnection.OpenAsync(connectionString);
            if (cluster.IsLocal && spec.Data.Path is null && spec.Data.GeneratedBars == 0)
            {
                throw new ArgumentException("the local cluster reads bars from files: give --data FILE, or --db to sweep the bar store on a cluster.");
            }

            var job = await cluster.Client.SubmitAsync(spec);
            bool asJson = parse.GetValue(json);
            if (!cluster.IsLocal && !parse.GetValue(watch))
            {
                if (asJson)
                {
                    JsonOutput.Write(Console.Out, new JsonObject { ["job_id"] = job.JobId.ToString(), ["status"] = "pending", ["positions"] = sweep.Positions });
                }
                else
                {
                    Console.WriteLine($"Submitted job {job.JobId}: {sweep.Positions:N0} positions of {chosen.Name} on {spec.Data.Describe()}.");
                    Console.WriteLine($"Follow it with: quant job watch {job.JobId}");
                }

                return 0;
            }

            var final = await JobProgressView.FollowAsync(cluster.Client, job.JobId, sweep, cluster.WatchInterval, quiet: asJson, cancellation);
            return await JobReport.PrintAsync(cluster.Client, final, sweep, parse.GetValue(top), asJson, output, cancellation);
        }));
        return command;
    }

    private static JobDataSource Source(FileInfo? file, string? symbol, string? timeframe, DateTime? from, DateTime? to)
    {
        from = from is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null;
        to = to is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null;
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new FileNotFoundException($"There is no file {file.FullName}.", file.FullName);
            }

            return new JobDataSource(symbol ?? "", timeframe ?? "", from, to) { Path = file.FullName };
        }

        if (symbol is null || timeframe is null)
        {
            throw new ArgumentException("say which bars: --data FILE, or --symbol S --timeframe T for the bar store.");
        }

        _ = QuantCluster.Data.Postgres.Timeframe.Parse(timeframe);
        return new JobDataSource(symbol, timeframe, from, to);
    }
}
