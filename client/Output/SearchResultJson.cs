using System.Text.Json.Nodes;
using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Grains.Jobs;

namespace QuantCluster.Client.Output;

/// <summary>What a genetic search or a walk-forward adds to a job's JSON: the generations, or the folds, the stitched metrics, the efficiency and the stability.</summary>
internal static class SearchResultJson
{
    public static void AddTo(JsonObject json, JobSnapshot job, SweepDefinition sweep)
    {
        if (job.Spec.WalkForward is null)
        {
            if (job.Spec.Optimizer == OptimizerKind.Genetic)
            {
                json["generations"] = GenerationHistoryView.Json(sweep.Objective, job.Generations);
            }

            return;
        }

        json["folds"] = WalkForwardView.Folds(sweep.Strategy, job.Folds);
        json["metrics"] = job.WalkForward is { } result ? JsonOutput.Metrics(result.Stitched) : null;
        json["efficiency"] = job.WalkForward is { } ended ? JsonOutput.Number(ended.Efficiency) : null;
        json["stability"] = job.WalkForward is { } done ? WalkForwardView.Stability(done) : null;
    }
}
