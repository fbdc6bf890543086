using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Api.Jobs;

/// <summary>
/// What a genetic search or a walk-forward adds to a job's view, in the objective's own units (a
/// minimised metric is not negated) and with non-finite numbers as null: the generations, or the
/// folds with the stitched result.
/// </summary>
public sealed record SearchView(IReadOnlyList<GenerationView> Generations, IReadOnlyList<FoldView> Folds, double? Efficiency, double? StitchedObjective, double? StitchedReturn)
{
    public static SearchView Of(JobSnapshot job, Strategy strategy, Objective objective)
    {
        double? Units(double score) => Finite(objective.MetricOf(score));
        var generations = job.Generations.Select(g => new GenerationView(g.Generation, Units(g.Best), Units(g.Mean), Units(g.BestSoFar), g.NewEvaluations)).ToArray();
        var folds = job.Folds.Select(f => new FoldView(
            f.Fold + 1,
            f.InSampleFrom,
            f.InSampleTo,
            f.OutOfSampleFrom,
            f.OutOfSampleTo,
            f.Parameters is { } p ? ResultView.ParametersOf(strategy, p) : null,
            f.InSample is { } inSample ? Finite(inSample.Get(objective.Metric)) : null,
            Finite(f.OutOfSample.Get(objective.Metric)),
            Finite(f.OutOfSample.TotalReturn))).ToArray();
        var result = job.WalkForward;
        return new SearchView(generations, folds, result is null ? null : Finite(result.Efficiency), result is null ? null : Finite(result.Stitched.Get(objective.Metric)), result is null ? null : Finite(result.Stitched.TotalReturn));
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>One generation: its best and mean objective, the best so far, and the sets it evaluated first.</summary>
public sealed record GenerationView(int Generation, double? Best, double? Mean, double? BestSoFar, int NewEvaluations);

/// <summary>One walk-forward fold: its windows, the chosen set (null when none qualified), its objective in and out of sample, and its out-of-sample return.</summary>
public sealed record FoldView(
    int Fold,
    DateTime InSampleFrom,
    DateTime InSampleTo,
    DateTime OutOfSampleFrom,
    DateTime OutOfSampleTo,
    IReadOnlyDictionary<string, object>? Parameters,
    double? InSampleObjective,
    double? OutOfSampleObjective,
    double? OutOfSampleReturn);
