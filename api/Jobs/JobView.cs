using System.Globalization;
using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Api.Jobs;

/// <summary>A job as the API shows it: the spec as submitted, where it is, and its best results so far.</summary>
public sealed record JobView
{
    public required Guid JobId { get; init; }

    public required string Status { get; init; }

    public required string Strategy { get; init; }

    public required string Data { get; init; }

    public required string Objective { get; init; }

    public required bool Maximise { get; init; }

    public required int MinTrades { get; init; }

    public required IReadOnlyList<AxisView> Axes { get; init; }

    public int Phase { get; init; }

    public int Phases { get; init; }

    public long ItemsTotal { get; init; }

    public long ItemsDone { get; init; }

    public int ItemsInFlight { get; init; }

    public long ItemsReassigned { get; init; }

    public long FailedAttempts { get; init; }

    public long Evaluated { get; init; }

    public long ExpectedSets { get; init; }

    public double Fraction { get; init; }

    public int Bars { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? Error { get; init; }

    public string Host { get; init; } = "";

    public required IReadOnlyList<ResultView> Best { get; init; }

    public required JobSpec Spec { get; init; }

    /// <summary>A genetic search's generations, or a walk-forward's folds; empty for a grid or random search.</summary>
    public required SearchView Search { get; init; }

    public static JobView Of(JobSnapshot job, int best)
    {
        var strategy = StrategyCatalog.Find(job.Spec.Strategy);
        var objective = Engine.Optimizers.Objective.For(job.Spec.Objective, job.Spec.MinTrades, job.Spec.Maximise);
        return new JobView
        {
            JobId = job.JobId,
            Status = job.Status.ToString().ToLowerInvariant(),
            Strategy = job.Spec.Strategy,
            Data = job.Spec.Data.Describe(),
            Objective = objective.Metric,
            Maximise = objective.Maximise,
            MinTrades = objective.MinTrades,
            Axes = AxesOf(strategy, job.Spec),
            Phase = job.Phase,
            Phases = job.Phases,
            ItemsTotal = job.TotalItems,
            ItemsDone = job.ItemsDone,
            ItemsInFlight = job.InFlight.Count,
            ItemsReassigned = job.Reassigned,
            FailedAttempts = job.FailedAttempts,
            Evaluated = job.Evaluated,
            ExpectedSets = job.ExpectedSets,
            Fraction = Math.Round(job.Fraction, 6),
            Bars = job.BarCount,
            CreatedAt = job.CreatedAt,
            StartedAt = job.StartedAt,
            FinishedAt = job.FinishedAt,
            Error = job.Error,
            Host = job.Host,
            Best = [.. job.Best.Take(best).Select(r => ResultView.Of(strategy, r))],
            Spec = job.Spec with { TraceParent = null },
            Search = SearchView.Of(job, strategy, objective),
        };
    }

    public static IReadOnlyList<AxisView> AxesOf(Strategy strategy, JobSpec spec) =>
        [.. spec.Axes.Select(axis =>
        {
            var parameter = strategy.Parameters.FirstOrDefault(p => p.Name == axis.Name);
            return new AxisView(axis.Name, [.. axis.Values.Select(v => parameter?.Format(v) ?? v.ToString(CultureInfo.InvariantCulture))]);
        })];
}
