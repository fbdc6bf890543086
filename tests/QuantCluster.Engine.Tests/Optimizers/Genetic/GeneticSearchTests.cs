using System.Text.Json;
using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Optimizers.Genetic;
using QuantCluster.Engine.Strategies;
using QuantCluster.Engine.Sweeps;
using QuantCluster.Engine.Tests.Support;

namespace QuantCluster.Engine.Tests.Optimizers.Genetic;

public sealed class GeneticSearchTests
{
    private static readonly Strategy Sma = StrategyCatalog.Find("sma_crossover");

    private static ParameterGrid Grid(params string[] axes) => new(Sma, axes.Select(a => GridAxis.Parse(a, Sma)).ToArray());

    /// <summary>A Rastrigin-like surface over the grid's values: many local optima, one global maximum at fast=61, slow=137.</summary>
    private static double Rastrigin(ParameterGrid grid, long index)
    {
        var values = grid.ValuesAt(index);
        double x = (values[0] - 61) / 20, y = (values[1] - 137) / 40;
        return -(20 + (x * x) - (10 * Math.Cos(2 * Math.PI * x)) + (y * y) - (10 * Math.Cos(2 * Math.PI * y)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_search()
    {
        var grid = Grid("fast=2:200:1", "slow=5:500:1");

        var first = new GeneticSearch(grid, new GeneticSettings(), 42).Run(g => [.. g.Select(i => Rastrigin(grid, i))]);
        var second = new GeneticSearch(grid, new GeneticSettings(), 42).Run(g => [.. g.Select(i => Rastrigin(grid, i))]);
        var other = new GeneticSearch(grid, new GeneticSettings(), 43).Run(g => [.. g.Select(i => Rastrigin(grid, i))]);

        Assert.Equal(first.History, second.History);
        Assert.Equal(first.Scores.OrderBy(s => s.Key), second.Scores.OrderBy(s => s.Key));
        Assert.NotEqual(first.Scores.Keys.Order(), other.Scores.Keys.Order());
    }

    [Fact]
    public void A_genome_is_evaluated_once_and_never_when_it_breaks_a_constraint()
    {
        var grid = Grid("fast=2:200:1", "slow=5:300:1");
        var asked = new List<long>();

        var state = new GeneticSearch(grid, new GeneticSettings { Patience = 0 }, 7).Run(g =>
        {
            asked.AddRange(g);
            return [.. g.Select(i => Rastrigin(grid, i))];
        });

        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.Equal(asked.Count, state.Scores.Count);
        Assert.All(asked, i => Assert.True(grid.ValuesAt(i)[0] < grid.ValuesAt(i)[1], $"fast >= slow at grid index {i}"));
        Assert.Equal(asked.Count, state.History.Sum(h => h.NewEvaluations));
    }

    [Fact]
    public void It_reaches_the_grid_optimum_of_a_rugged_surface_with_a_small_share_of_the_evaluations()
    {
        var grid = Grid("fast=2:200:1", "slow=5:500:1");
        var valid = Enumerable.Range(0, (int)grid.Size).Where(i => grid.ValuesAt(i)[0] < grid.ValuesAt(i)[1]).Select(i => Rastrigin(grid, i)).ToArray();
        double optimum = valid.Max(), worst = valid.Min();

        var outcomes = Enumerable.Range(1, 10).Select(seed =>
        {
            var state = new GeneticSearch(grid, new GeneticSettings(), seed).Run(g => [.. g.Select(i => Rastrigin(grid, i))]);
            return (Best: GeneticSearch.Ranked(state).First().Value, Evaluations: state.Scores.Count);
        }).ToArray();

        // Within 1% of the surface's range of the optimum, for the median seed, with at most 5% of the grid evaluated.
        var gaps = outcomes.Select(o => (optimum - o.Best) / (optimum - worst)).Order().ToArray();
        Assert.True(gaps[4] <= 0.01, $"median gap {gaps[4]:P2} (gaps {string.Join(", ", gaps.Select(g => g.ToString("P2")))})");
        Assert.All(outcomes, o => Assert.True(o.Evaluations <= valid.Length * 0.05, $"{o.Evaluations} evaluations of {valid.Length}"));
    }

    [Fact]
    public void It_finds_the_best_set_the_grid_finds_on_bars_with_a_planted_cycle()
    {
        // Prices that swing with a 60-bar period: crossovers tuned to it earn, others lose to costs.
        int n = 3000;
        var bars = TestBars.FromCloses([.. Enumerable.Range(0, n).Select(t => 100 + (10 * Math.Sin(2 * Math.PI * t / 60)) + (0.01 * t))]);
        var grid = Grid("fast=2:100:1", "slow=5:300:1");
        var settings = new BacktestSettings { CommissionBps = 5 };
        var evaluator = new SweepEvaluator(bars, settings);
        var objective = Objective.For("sharpe");
        var sets = grid.Enumerate().ToArray();
        var all = evaluator.Evaluate(Sma, sets);
        double gridBest = all.Max(m => m.Sharpe);

        var state = new GeneticSearch(grid, new GeneticSettings(), 3).Run(g =>
        {
            var metrics = evaluator.Evaluate(Sma, [.. g.Select(i => new ParameterValues(Sma.Parameters, grid.ValuesAt(i)))]);
            return [.. metrics.Select(m => objective.Qualifies(m) ? m.Sharpe : double.NegativeInfinity)];
        });

        double found = GeneticSearch.Ranked(state).First().Value;
        Assert.True(found >= gridBest - (0.01 * Math.Abs(gridBest)), $"genetic best sharpe {found:F4}, grid best {gridBest:F4}");
        Assert.True(state.Scores.Count < sets.Length / 5, $"{state.Scores.Count} evaluations of {sets.Length}");
    }

    [Fact]
    public void A_choice_gene_takes_every_value_and_an_ordered_one_moves_on_the_axis_steps()
    {
        var grid = Grid("fast=2:200:2", "slow=5:500:5", "direction=long_only,long_short");

        var state = new GeneticSearch(grid, new GeneticSettings { Patience = 0, Generations = 10 }, 2).Run(g => [.. g.Select(i => Rastrigin(grid, i) + grid.ValuesAt(i)[2])]);

        var values = state.Scores.Keys.Select(grid.ValuesAt).ToArray();
        Assert.Equal([0.0, 1.0], values.Select(v => v[2]).Distinct().Order());
        Assert.All(values, v => Assert.True(v[0] % 2 == 0 && v[1] % 5 == 0, $"fast={v[0]} slow={v[1]} is off the grid's steps"));
        Assert.Equal(1.0, grid.ValuesAt(GeneticSearch.Ranked(state).First().Key)[2]);
    }

    [Fact]
    public void It_stops_after_patience_generations_without_a_better_best()
    {
        var grid = Grid("fast=2:200:1", "slow=5:500:1");

        var state = new GeneticSearch(grid, new GeneticSettings { Patience = 5, Generations = 100 }, 1).Run(g => [.. g.Select(_ => 1.0)]);

        Assert.True(state.Finished);
        Assert.Equal(6, state.History.Count);
    }

    [Fact]
    public void A_search_resumed_from_its_stored_state_breeds_what_an_uninterrupted_one_breeds()
    {
        var grid = Grid("fast=2:200:1", "slow=5:500:1");
        var search = new GeneticSearch(grid, new GeneticSettings { Patience = 0, Generations = 20 }, 11);
        var whole = search.Run(g => [.. g.Select(i => Rastrigin(grid, i))]);

        var state = search.Start();
        for (int generation = 0; generation < 7; generation++)
        {
            search.Advance(state, [.. GeneticSearch.Unscored(state).Select(i => Rastrigin(grid, i))]);
        }

        var options = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
        var resumed = JsonSerializer.Deserialize<GeneticState>(JsonSerializer.Serialize(state, options), options)!;
        var again = new GeneticSearch(grid, new GeneticSettings { Patience = 0, Generations = 20 }, 11);
        while (!resumed.Finished)
        {
            again.Advance(resumed, [.. GeneticSearch.Unscored(resumed).Select(i => Rastrigin(grid, i))]);
        }

        Assert.Equal(whole.History, resumed.History);
        Assert.Equal(whole.Population, resumed.Population);
    }

    [Theory]
    [InlineData(2, 10, "--population must be between 4")]
    [InlineData(40, 0, "--generations must be between 1")]
    public void Settings_that_make_no_sense_are_refused_with_the_option_named(int population, int generations, string message)
    {
        var grid = Grid("fast=2:200:1", "slow=5:500:1");

        var e = Assert.Throws<ArgumentException>(() => new GeneticSearch(grid, new GeneticSettings { Population = population, Generations = generations }, 1));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_smaller_than_the_population_is_sent_to_the_grid_optimizer()
    {
        var e = Assert.Throws<StrategyParameterException>(() => new GeneticSearch(Grid("fast=2:4:1", "slow=5:8:1"), new GeneticSettings(), 1));

        Assert.Contains("--optimizer grid", e.Message, StringComparison.Ordinal);
    }
}
