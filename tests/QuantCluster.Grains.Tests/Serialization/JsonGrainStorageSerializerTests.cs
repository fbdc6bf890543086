using QuantCluster.Contracts;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Serialization;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Serialization;

public sealed class JsonGrainStorageSerializerTests
{
    [Fact]
    public void A_job_state_round_trips_as_plain_json_without_type_names()
    {
        var serializer = new JsonGrainStorageSerializer();
        var state = new OptimizationJobState
        {
            Spec = SweepSpecs.SmaGrid(),
            Status = JobStatus.Running,
            Plan = new BatchPlan(8, 9, 1000),
            BarCount = 5000,
            DoneBelow = 7,
            DoneAbove = [9, 12],
            Evaluated = 56,
            Best = [new EvaluationResult(3, new Dictionary<string, double> { ["fast"] = 5, ["slow"] = 20, ["direction"] = 1 }, new Metrics { Sharpe = 1.5, ProfitFactor = double.PositiveInfinity })],
            Failures = { [10] = 2 },
            CreatedAt = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero),
        };

        var data = serializer.Serialize(state);
        var back = serializer.Deserialize<OptimizationJobState>(data);

        Assert.DoesNotContain("$type", data.ToString(), StringComparison.Ordinal);
        Assert.Equal(state.Spec.Strategy, back.Spec!.Strategy);
        Assert.Equal(state.Spec.Axes.Select(a => a.Values), back.Spec.Axes.Select(a => a.Values));
        Assert.Equal(state.Plan, back.Plan);
        Assert.Equal([9L, 12], back.DoneAbove);
        Assert.Equal(state.Best[0].Metrics, back.Best[0].Metrics);
        Assert.Equal(state.Best[0].Parameters, back.Best[0].Parameters);
        Assert.Equal(2, back.Failures[10]);
        Assert.Equal(state.CreatedAt, back.CreatedAt);
    }
}
