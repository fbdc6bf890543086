using System.Text.Json.Nodes;
using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Data.Tables;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Results;
using Spectre.Console;

namespace QuantCluster.Client.Output;

/// <summary>A job at its end (or as it stands): what ran, how fast, the leaderboard, and every result to a file when asked.</summary>
internal static class JobReport
{
    /// <returns>The exit code: 0 when the job completed, 1 when it failed or was cancelled.</returns>
    public static async Task<int> PrintAsync(
        JobClient client, JobSnapshot job, SweepDefinition sweep, int top, bool asJson, FileInfo? output, CancellationToken cancellationToken)
    {
        var ranked = await client.TopAsync(job, top, cancellationToken);
        if (output is not null)
        {
            Write(output.FullName, ResultsFormats.Of(output.FullName, null), sweep, await client.ReadAllAsync(job, cancellationToken), ranked: false);
        }

        double seconds = job is { FinishedAt: { } end, StartedAt: { } start } ? (end - start).TotalSeconds : 0;
        long evaluations = job.Evaluated;
        // A walk-forward's folds search windows of the bars, not all of them, so bars x sets would overstate its rate.
        double rate = seconds > 0 && job.Spec.WalkForward is null ? evaluations * (double)job.BarCount / seconds : 0;
        if (asJson)
        {
            var json = new JsonObject
            {
                ["job_id"] = job.JobId.ToString(),
                ["status"] = job.Status.ToString().ToLowerInvariant(),
                ["strategy"] = sweep.Strategy.Name,
                ["data"] = job.Spec.Data.Describe(),
                ["bars"] = job.BarCount,
                ["parameter_sets"] = evaluations,
                ["evaluations"] = evaluations,
                ["seconds"] = Math.Round(seconds, 4),
                ["bar_evaluations_per_second"] = Math.Round(rate),
                ["objective"] = sweep.Objective.Metric,
                ["maximise"] = sweep.Objective.Maximise,
                ["min_trades"] = sweep.Objective.MinTrades,
                ["error"] = job.Error,
                ["leaderboard"] = job.Spec.WalkForward is null ? LeaderboardView.Json(sweep.Strategy, ranked) : null,
            };
            SearchResultJson.AddTo(json, job, sweep);
            JsonOutput.Write(Console.Out, json);
            return job.Status == JobStatus.Completed ? 0 : 1;
        }

        AnsiConsole.MarkupLine(
            $"Job {job.JobId} [bold]{job.Status.ToString().ToLowerInvariant()}[/]: {evaluations:N0} parameter sets of {Markup.Escape(sweep.Strategy.Name)} " +
            $"over {job.BarCount:N0} bars of {Markup.Escape(job.Spec.Data.Describe())}" +
            (seconds > 0 ? $" in {seconds:F2} s, [bold]{rate / 1e6:N0} M[/] bar-evaluations/s." : "."));
        if (job.Error is { } error)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(error)}[/]");
        }

        if (job.Generations.Count > 0)
        {
            AnsiConsole.Write(GenerationHistoryView.Table(sweep.Objective, job.Generations));
        }

        if (job.Spec.WalkForward is not null)
        {
            WalkForwardView.Print(sweep.Strategy, [.. sweep.Grid.Axes.Select(a => a.Name)], sweep.Objective, job.Folds, job.WalkForward);
        }
        else if (ranked.Count > 0)
        {
            AnsiConsole.Write(LeaderboardView.Table(sweep.Strategy, sweep.Grid.Axes.Select(a => a.Name).ToArray(), sweep.Objective, ranked));
        }
        else if (job.Status == JobStatus.Completed)
        {
            AnsiConsole.MarkupLine($"No parameter set made {sweep.Objective.MinTrades} trades; lower --min-trades or widen the grid.");
        }

        if (output is not null)
        {
            AnsiConsole.MarkupLine($"Wrote every result to {Markup.Escape(output.FullName)}.");
        }

        return job.Status == JobStatus.Completed ? 0 : 1;
    }

    /// <summary>Results to a file (or the console for CSV and JSON without one) in the given format.</summary>
    public static void Write(string? path, ResultsFormat format, SweepDefinition sweep, IReadOnlyList<EvaluationResult> results, bool ranked)
    {
        var table = ResultsTable.Of(sweep.Strategy, results, ranked);
        switch (format)
        {
            case ResultsFormat.Parquet:
                ResultsTable.WriteParquet(path!, table);
                return;
            case ResultsFormat.Table:
                AnsiConsole.Write(LeaderboardView.Table(sweep.Strategy, sweep.Grid.Axes.Select(a => a.Name).ToArray(), sweep.Objective, results));
                return;
        }

        using var writer = path is null ? null : new StreamWriter(path + ".tmp");
        var target = writer ?? Console.Out;
        if (format == ResultsFormat.Csv)
        {
            TableCsvWriter.Write(target, table);
        }
        else
        {
            JsonOutput.Write(target, LeaderboardView.Json(sweep.Strategy, results));
        }

        if (writer is not null)
        {
            writer.Dispose();
            File.Move(path + ".tmp", path!, overwrite: true);
        }
    }
}
