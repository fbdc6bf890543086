using QuantCluster.Contracts;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Jobs;

public sealed class SweepDefinitionTests
{
    [Fact]
    public void A_grid_of_a_trillion_combinations_is_refused_with_what_to_change()
    {
        static double[] Steps(int count, double step) => [.. Enumerable.Range(0, count).Select(i => i * step)];
        var spec = SweepSpecs.SmaGrid() with
        {
            Strategy = "rsi_mean_reversion",
            Axes =
            [
                new ParameterAxis("period", [.. Enumerable.Range(2, 999).Select(i => (double)i)]),
                new ParameterAxis("lower", Steps(1000, 0.05)),
                new ParameterAxis("upper", Steps(1000, 0.1)),
                new ParameterAxis("exit", Steps(1000, 0.1)),
            ],
        };

        var error = Assert.Throws<StrategyParameterException>(() => SweepDefinition.From(spec));

        Assert.Contains("999,000,000,000 combinations", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 10,000,000,000", error.Message, StringComparison.Ordinal);
        Assert.Contains("--optimizer random", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_strategy_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<StrategyParameterException>(() => SweepDefinition.From(SweepSpecs.SmaGrid() with { Strategy = "astrology" }));

        Assert.Contains("sma_crossover", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parameter_is_refused_with_the_strategys_parameters()
    {
        var spec = SweepSpecs.SmaGrid() with { Axes = [new ParameterAxis("speed", [1, 2])] };

        var error = Assert.Throws<StrategyParameterException>(() => SweepDefinition.From(spec));

        Assert.Contains("no parameter 'speed'", error.Message, StringComparison.Ordinal);
        Assert.Contains("fast", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_axis_is_refused()
    {
        var spec = SweepSpecs.SmaGrid() with { Axes = [new ParameterAxis("fast", [])] };

        Assert.Contains("no values", Assert.Throws<StrategyParameterException>(() => SweepDefinition.From(spec)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_whose_every_combination_breaks_a_constraint_is_refused()
    {
        var spec = SweepSpecs.SmaGrid() with { Axes = [new ParameterAxis("fast", [50, 60]), new ParameterAxis("slow", [10, 20])] };

        var error = Assert.Throws<StrategyParameterException>(() => SweepDefinition.From(spec));

        Assert.Contains("No combination", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_random_samples_than_combinations_are_refused()
    {
        var spec = SweepSpecs.SmaGrid(optimizer: OptimizerKind.Random, samples: 1_000);

        Assert.Contains("at most 288", Assert.Throws<StrategyParameterException>(() => SweepDefinition.From(spec)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_objective_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SweepDefinition.From(SweepSpecs.SmaGrid() with { Objective = "luck" }));
    }

    [Fact]
    public void A_grid_enumerates_only_combinations_that_keep_the_constraints_in_mixed_radix_order()
    {
        var sweep = SweepDefinition.From(SweepSpecs.SmaGrid());

        var sets = sweep.SetsAt(0, sweep.Positions);

        Assert.All(sets, s => Assert.True(s["fast"] < s["slow"]));
        Assert.Equal(sweep.Grid.Enumerate().Select(s => s.Values.ToArray()), sets.Select(s => s.Values.ToArray()));
        Assert.Equal(sets.Count / (double)sweep.Positions, sweep.EstimateValidFraction());
    }

    [Fact]
    public void The_risks_are_minimised_unless_the_spec_says_otherwise()
    {
        Assert.False(SweepDefinition.From(SweepSpecs.SmaGrid() with { Objective = "max_drawdown" }).Objective.Maximise);
        Assert.True(SweepDefinition.From(SweepSpecs.SmaGrid() with { Objective = "max_drawdown", Maximise = true }).Objective.Maximise);
        Assert.False(SweepDefinition.From(SweepSpecs.SmaGrid() with { Maximise = false }).Objective.Maximise);
    }
}
