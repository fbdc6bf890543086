using System.CommandLine;
using QuantCluster.Client.Commands.Data;
using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>
/// What `quant sweep` and `quant walkforward` both take: the strategy and its grid, how to search it,
/// the objective, the bars, the backtest settings, and where and how to run. They build one job spec.
/// </summary>
internal sealed class SweepOptions
{
    public SweepOptions(string optimizerName)
    {
        Optimizer = new Option<string>(optimizerName)
        {
            Description = "grid: every combination; random: --samples distinct combinations drawn with --seed; genetic: a seeded genetic search over the grid (--population, --generations...).",
            DefaultValueFactory = _ => "grid",
        };
    }

    public Option<string> Strategy { get; } = new("--strategy") { Description = "The strategy to sweep (see quant strategy list).", Required = true };

    public Option<FileInfo?> Data { get; } = new("--data") { Description = "Bars from a CSV or Parquet file (on a cluster, at a path every silo can read)." };

    public Option<string?> Symbol { get; } = new("--symbol") { Description = "The symbol: in the bar store (with --timeframe), or the one to use of a file holding several." };

    public Option<string?> Timeframe { get; } = new("--timeframe") { Description = "The bar store's timeframe, e.g. 1m, 1h, 1d." };

    public Option<DateTime?> From { get; } = new("--from") { Description = "First bar time to use (UTC), e.g. 2024-01-01." };

    public Option<DateTime?> To { get; } = new("--to") { Description = "Last bar time to use (UTC)." };

    public Option<string[]> Grid { get; } = new("--grid")
    {
        Description = "A swept parameter: name=start:stop:step (stop included) or name=a,b,c; repeat for each. Unswept parameters keep their defaults.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> Optimizer { get; }

    public Option<int> Samples { get; } = new("--samples") { Description = "Combinations the random optimizer draws." };

    public Option<long> Seed { get; } = new("--seed") { Description = "Seed of the random and genetic optimizers: the same seed gives the same sets, locally or on a cluster of any size.", DefaultValueFactory = _ => 1 };

    public Option<string> Objective { get; } = new("--objective") { Description = $"The metric to rank by: {string.Join(", ", Metrics.Names)}.", DefaultValueFactory = _ => "sharpe" };

    public Option<bool> Minimise { get; } = new("--minimize") { Description = "Rank the smallest first (default: risks such as max_drawdown are minimised, the rest maximised)." };

    public Option<bool> Maximise { get; } = new("--maximize") { Description = "Rank the largest first." };

    public Option<int> MinTrades { get; } = new("--min-trades") { Description = "Rank only sets with at least this many completed trades." };

    public DatabaseOption Database { get; } = new();

    public Option<bool> Local { get; } = new("--local") { Description = "Run on the embedded local cluster even if QUANT_DB is set." };

    public Option<int> Workers { get; } = new("--workers") { Description = "Workers of the local cluster (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<bool> Watch { get; } = new("--watch") { Description = "On a cluster, follow the job to its end with a live progress bar (a local run always waits)." };

    public Option<int> Top { get; } = new("--top") { Description = "Rows of the leaderboard.", DefaultValueFactory = _ => 10 };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object instead of tables." };

    public GeneticOptions Genetic { get; } = new();

    public BacktestOptions Settings { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Strategy, Data, Symbol, Timeframe, From, To, Grid, Optimizer, Samples, Seed, Objective, Minimise, Maximise, MinTrades, Database.Option, Local, Workers, Watch, Top, Json })
        {
            command.Options.Add(option);
        }

        Genetic.AddTo(command);
        Settings.AddTo(command);
    }

    /// <summary>The job spec the options describe, checked as far as it can be without the bars.</summary>
    public JobSpec Read(ParseResult parse)
    {
        var chosen = StrategyCatalog.Find(parse.GetValue(Strategy)!);
        var axes = (parse.GetValue(Grid) ?? []).Select(text => GridAxis.Parse(text, chosen)).ToArray();
        if (axes.Length == 0)
        {
            throw new ArgumentException($"give at least one --grid, e.g. --grid {chosen.Parameters[0].Name}=... ({string.Join(", ", chosen.Parameters.Select(p => $"{p.Name} {p.FormatRange()}"))})");
        }

        if (parse.GetValue(Minimise) && parse.GetValue(Maximise))
        {
            throw new ArgumentException("--minimize and --maximize contradict each other; give one.");
        }

        string name = Optimizer.Name;
        var kind = parse.GetValue(Optimizer) switch
        {
            "grid" => OptimizerKind.Grid,
            "random" => OptimizerKind.Random,
            "genetic" => OptimizerKind.Genetic,
            var other => throw new ArgumentException($"{name} {other} is not an optimizer; use grid, random or genetic."),
        };
        if (kind == OptimizerKind.Random && parse.GetValue(Samples) < 1)
        {
            throw new ArgumentException("the random optimizer needs --samples N (how many combinations to draw).");
        }

        return new JobSpec
        {
            Strategy = chosen.Name,
            Axes = axes.Select(a => new ParameterAxis(a.Name, a.Values)).ToArray(),
            Objective = parse.GetValue(Objective)!,
            Maximise = parse.GetValue(Minimise) ? false : parse.GetValue(Maximise) ? true : null,
            MinTrades = parse.GetValue(MinTrades),
            Optimizer = kind,
            Samples = kind == OptimizerKind.Random ? parse.GetValue(Samples) : 0,
            Genetic = Genetic.Read(parse, kind),
            Seed = parse.GetValue(Seed),
            Settings = Settings.Read(parse),
            Data = Source(parse.GetValue(Data), parse.GetValue(Symbol), parse.GetValue(Timeframe), parse.GetValue(From), parse.GetValue(To)),
        };
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
