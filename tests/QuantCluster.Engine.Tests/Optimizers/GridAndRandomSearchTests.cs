using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Tests.Optimizers;

public sealed class GridAndRandomSearchTests
{
    private static readonly Strategy Sma = StrategyCatalog.Find("sma_crossover");

    private static ParameterGrid Grid(params string[] axes) => new(Sma, axes.Select(a => GridAxis.Parse(a, Sma)).ToArray());

    [Fact]
    public void Grid_enumerates_every_combination_that_keeps_the_constraints_once()
    {
        var grid = Grid("fast=5:200:5", "slow=5:200:5");

        var sets = grid.Enumerate().Select(s => (s["fast"], s["slow"])).ToArray();

        Assert.Equal(1600, grid.Size);
        Assert.Equal(780, sets.Length);
        Assert.Equal(sets.Length, sets.Distinct().Count());
        Assert.All(sets, s => Assert.True(s.Item1 < s.Item2));
    }

    [Fact]
    public void Grid_indices_are_mixed_radix_with_the_last_axis_fastest()
    {
        var grid = Grid("fast=1:3:1", "slow=10:40:10");

        Assert.Equal([1, 10, 0], grid.ValuesAt(0));
        Assert.Equal([1, 20, 0], grid.ValuesAt(1));
        Assert.Equal([2, 10, 0], grid.ValuesAt(4));
        Assert.Equal([3, 40, 0], grid.ValuesAt(11));
    }

    [Fact]
    public void A_range_of_indices_enumerates_a_slice_of_the_grid()
    {
        var grid = Grid("fast=1:10:1", "slow=20:30:1");

        var whole = grid.Enumerate().Select(s => s.Values.ToArray()).ToArray();
        var halves = grid.Enumerate(0, 50).Concat(grid.Enumerate(50)).Select(s => s.Values.ToArray()).ToArray();

        Assert.Equal(whole, halves);
    }

    [Theory]
    [InlineData("fast=10:5:1", "empty range")]
    [InlineData("fast=1:10:0", "step must be positive")]
    [InlineData("speed=1:10:1", "no parameter 'speed'")]
    [InlineData("fast=1:100000000:1", "at most")]
    [InlineData("fast=0:10:1", "outside its range")]
    [InlineData("fast", "not a grid axis")]
    public void Impossible_axes_are_refused_saying_what_to_change(string axis, string message)
    {
        var error = Assert.Throws<StrategyParameterException>(() => GridAxis.Parse(axis, Sma));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Random_search_is_the_same_for_the_same_seed_and_keeps_the_constraints()
    {
        var grid = Grid("fast=1:500:1", "slow=2:1000:1");

        var first = RandomSearch.SampleIndices(grid, 300, new Random(7));
        var again = RandomSearch.SampleIndices(grid, 300, new Random(7));
        var other = RandomSearch.SampleIndices(grid, 300, new Random(8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(300, first.Distinct().Count());
        Assert.All(RandomSearch.Sample(grid, 300, new Random(7)), s => Assert.True(s["fast"] < s["slow"]));
    }

    [Fact]
    public void Random_search_refuses_more_samples_than_the_grid_has()
    {
        var grid = Grid("fast=1:3:1", "slow=4:5:1");

        var error = Assert.Throws<StrategyParameterException>(() => RandomSearch.SampleIndices(grid, 7, new Random(1)));

        Assert.Contains("at most 6", error.Message);
    }

    [Fact]
    public void Random_search_refuses_a_space_whose_constraints_leave_too_few_sets()
    {
        // Only fast=9 with slow=10 keeps fast < slow.
        var grid = Grid("fast=9:20:1", "slow=2:10:1");

        var error = Assert.Throws<StrategyParameterException>(() => RandomSearch.SampleIndices(grid, 5, new Random(1)));

        Assert.Contains("satisfy sma_crossover's constraints", error.Message);
    }

    [Fact]
    public void The_objective_ranks_qualifying_sets_best_first_in_the_metric_s_natural_direction()
    {
        Contracts.Metrics[] results =
        [
            new() { Sharpe = 1.0, MaxDrawdown = 0.3, Trades = 20 },
            new() { Sharpe = 2.0, MaxDrawdown = 0.1, Trades = 5 },
            new() { Sharpe = 1.5, MaxDrawdown = 0.2, Trades = 12 },
        ];

        Assert.Equal([2, 0], Objective.For("sharpe", minTrades: 10).Best(results, 5));
        Assert.Equal([1, 2, 0], Objective.For("max_drawdown").Best(results, 5));
        Assert.Throws<ArgumentException>(() => Objective.For("luck"));
    }
}
