using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers.Genetic;
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
            Blocks = [new PhaseBlock { Plan = new BatchPlan(8, 9, 1000) }, new PhaseBlock { Track = 1, Phase = 3, FirstItem = 112, Plan = new BatchPlan(8, 8, 40), GridIndices = [5, 17, 99], ItemsDone = 2 }],
            Tracks =
            [
                new SearchTrack { Data = SweepSpecs.SmaGrid().Data, Bars = 5000 },
                new SearchTrack
                {
                    Data = SweepSpecs.SmaGrid().Data with { From = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
                    Fold = 1,
                    Genetic = new GeneticState { Generation = 3, Population = [5, 17, 99], Scores = { [5] = 1.25, [17] = double.NegativeInfinity }, History = [new GenerationRecord(0, 1.25, double.NaN, 1.25, 3)] },
                    PhaseScores = { [99] = -0.5 },
                },
            ],
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
        Assert.Equal(state.Blocks.Select(b => (b.Track, b.Phase, b.FirstItem, b.Plan, b.ItemsDone)), back.Blocks.Select(b => (b.Track, b.Phase, b.FirstItem, b.Plan, b.ItemsDone)));
        Assert.Equal([5L, 17, 99], back.Blocks[1].GridIndices);
        Assert.Equal(state.Tracks[1].Data, back.Tracks[1].Data);
        Assert.Equal(state.Tracks[1].Genetic!.Scores, back.Tracks[1].Genetic!.Scores);
        Assert.Equal(state.Tracks[1].Genetic!.History, back.Tracks[1].Genetic!.History);
        Assert.Equal(-0.5, back.Tracks[1].PhaseScores[99]);
        Assert.Equal([9L, 12], back.DoneAbove);
        Assert.Equal(state.Best[0].Metrics, back.Best[0].Metrics);
        Assert.Equal(state.Best[0].Parameters, back.Best[0].Parameters);
        Assert.Equal(2, back.Failures[10]);
        Assert.Equal(state.CreatedAt, back.CreatedAt);
    }
}
