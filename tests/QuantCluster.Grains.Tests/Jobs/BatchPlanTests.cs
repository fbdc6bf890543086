using QuantCluster.Contracts;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Jobs;

public sealed class BatchPlanTests
{
    /// <summary>A million draws, so the item size is set by the bar count alone.</summary>
    private static readonly JobSpec BigRandomSearch = SweepSpecs.SmaGrid(optimizer: OptimizerKind.Random, samples: 1_000_000) with
    {
        Axes = [new ParameterAxis("fast", [.. Enumerable.Range(1, 2000).Select(i => (double)i)]), new ParameterAxis("slow", [.. Enumerable.Range(2, 4000).Select(i => (double)i)])],
    };

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    [InlineData(5_000_000)]
    public void An_item_holds_whole_lane_groups_of_about_the_target_bar_evaluations(int bars)
    {
        var plan = BatchPlan.For(SweepDefinition.From(BigRandomSearch), bars);

        Assert.Equal(0, plan.SetsPerItem % 8);
        Assert.InRange((double)plan.SetsPerItem * bars, Math.Min(8.0 * bars, BatchPlan.DefaultBarEvaluationsPerItem), BatchPlan.DefaultBarEvaluationsPerItem + 8.0 * bars);
    }

    [Fact]
    public void A_small_sweep_is_still_cut_into_enough_items_for_every_worker()
    {
        var sweep = SweepDefinition.From(SweepSpecs.SmaGrid(optimizer: OptimizerKind.Random, samples: 280));

        var plan = BatchPlan.For(sweep, 1_000);

        Assert.Equal(16, plan.SetsPerItem);
        Assert.Equal(18, plan.TotalItems);
        Assert.True(plan.TotalItems >= BatchPlan.MinItems);
    }

    [Fact]
    public void A_grid_item_covers_enough_positions_for_its_sets_after_the_constraints_skip_some()
    {
        var sweep = SweepDefinition.From(SweepSpecs.SmaGrid());

        var plan = BatchPlan.For(sweep, 500_000);

        Assert.Equal(Math.Ceiling(plan.SetsPerItem / sweep.EstimateValidFraction()), plan.PositionsPerItem);
    }

    [Fact]
    public void Items_cover_every_position_exactly_once()
    {
        var plan = new BatchPlan(8, 7, 100);
        var covered = new List<long>();

        for (long item = 0; item < plan.TotalItems; item++)
        {
            var (start, stop) = plan.PositionsOf(item);
            for (long position = start; position < stop; position++)
            {
                covered.Add(position);
            }
        }

        Assert.Equal(15, plan.TotalItems);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), covered);
    }
}
