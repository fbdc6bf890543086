using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Commands.Data;
using QuantCluster.Client.Output;
using QuantCluster.Grains.Jobs;
using Spectre.Console;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>`quant job list|show|watch|results|cancel`: the jobs of a cluster.</summary>
internal static class JobCommand
{
    public static Command Create() => new("job", "List, follow, read and cancel the jobs of a cluster (--db or QUANT_DB).")
    {
        List(), Show(), Watch(), Results(), Cancel(),
    };

    private static Command List()
    {
        var database = new DatabaseOption();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("list", "Every job, oldest first, with its status and progress.") { database.Option, json };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var cluster = await ClusterConnection.OpenAsync(database.ConnectionString(parse));
            var jobs = await cluster.Client.ListAsync(cancellation);
            var rows = new List<(Grains.Store.JobRecord Job, Grains.Clients.JobProgress Progress)>();
            foreach (var job in jobs)
            {
                rows.Add((job, await cluster.Client.ProgressAsync(job.JobId, cancellation)));
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(Console.Out, new JsonArray(rows.Select(r => (JsonNode)Summary(r.Progress)).ToArray()));
                return 0;
            }

            var table = new Table().AddColumns("id", "status", "strategy", "data", "done", "sets", "created (UTC)");
            foreach (var (job, progress) in rows)
            {
                table.AddRow(
                    job.JobId.ToString(), job.Status.ToString().ToLowerInvariant(), Markup.Escape(job.Spec.Strategy), Markup.Escape(job.Spec.Data.Describe()),
                    $"{progress.Fraction * 100:F0}%", $"{progress.Evaluations:N0}", $"{job.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}");
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var arguments = new JobArguments();
        var top = new Option<int>("--top") { Description = "Rows of the leaderboard.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command("show", "A job's spec, status, progress, errors and best results so far.") { arguments.Id, arguments.Database.Option, top, json };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var cluster = await arguments.ConnectAsync(parse);
            var id = await JobArguments.ResolveAsync(cluster.Client, parse.GetValue(arguments.Id)!, cancellation);
            var progress = await cluster.Client.ProgressAsync(id, cancellation);
            var sweep = SweepDefinition.From(progress.Job.Spec);
            var poisoned = await cluster.Client.Store.ListPoisonedWorkItemsAsync(id, cancellation);
            if (parse.GetValue(json))
            {
                var summary = Summary(progress);
                summary["poisoned_items"] = new JsonArray(poisoned.Select(p => (JsonNode)new JsonObject { ["item"] = p.ItemIndex, ["error"] = p.Error }).ToArray());
                summary["leaderboard"] = LeaderboardView.Json(sweep.Strategy, progress.State?.Best.Take(parse.GetValue(top)).ToArray() ?? []);
                JsonOutput.Write(Console.Out, summary);
                return 0;
            }

            var job = progress.Job;
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string value) => grid.AddRow($"[grey]{name}[/]", Markup.Escape(value));
            Row("job", job.JobId.ToString());
            Row("status", job.Status.ToString().ToLowerInvariant());
            Row("strategy", sweep.Strategy.Name);
            Row("grid", string.Join("  ", sweep.Grid.Axes.Select(a => $"{a.Name}: {a.Values.Length} values")));
            Row("optimizer", job.Spec.Optimizer == Contracts.OptimizerKind.Random ? $"random, {job.Spec.Samples:N0} samples, seed {job.Spec.Seed}" : $"grid, {sweep.Positions:N0} positions");
            Row("objective", $"{(sweep.Objective.Maximise ? "maximise" : "minimise")} {sweep.Objective.Metric}, at least {sweep.Objective.MinTrades} trades");
            Row("data", job.Spec.Data.Describe());
            Row("owner", job.Owner ?? "none");
            Row("phase", progress.State is null ? "not started" : $"{job.Phase + 1} of {progress.State.Plan.Phases}");
            Row("work items", $"{progress.Counts.Completed:N0} done, {progress.Counts.Claimed:N0} running, {progress.Counts.Pending:N0} queued, {progress.Counts.Poisoned:N0} failed, of {progress.TotalItems:N0}");
            Row("evaluated", $"{progress.Evaluations:N0} parameter sets ({progress.Fraction * 100:F1}%)");
            Row("created", $"{job.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
            if (progress.State?.Error is { } error)
            {
                Row("error", error);
            }

            AnsiConsole.Write(grid);
            foreach (var item in poisoned.Take(5))
            {
                AnsiConsole.MarkupLine($"[red]item {item.ItemIndex}: {Markup.Escape(item.Error)}[/]");
            }

            if (progress.State is { Best.Count: > 0 } state)
            {
                AnsiConsole.MarkupLine(progress.IsFinal ? "Best:" : "Best of the finished phases:");
                AnsiConsole.Write(LeaderboardView.Table(sweep.Strategy, sweep.Grid.Axes.Select(a => a.Name).ToArray(), sweep.Objective, state.Best.Take(parse.GetValue(top)).ToArray()));
            }

            return 0;
        }));
        return command;
    }

    private static Command Watch()
    {
        var arguments = new JobArguments();
        var top = new Option<int>("--top") { Description = "Rows of the leaderboard at the end.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object at the end instead of a progress bar and tables." };
        var command = new Command("watch", "Follow a job to its end with a live progress bar (evaluations per second, time left, best so far), then print its leaderboard. Ctrl+C stops watching, not the job.")
        {
            arguments.Id, arguments.Database.Option, top, json,
        };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var cluster = await arguments.ConnectAsync(parse);
            var id = await JobArguments.ResolveAsync(cluster.Client, parse.GetValue(arguments.Id)!, cancellation);
            bool asJson = parse.GetValue(json);
            var job = await cluster.Client.GetAsync(id, cancellation) ?? throw new KeyNotFoundException($"There is no job {id}.");
            var sweep = SweepDefinition.From(job.Spec);
            var final = await JobProgressView.FollowAsync(cluster.Client, id, sweep, quiet: asJson, cancellation);
            return await JobReport.PrintAsync(cluster.Client, final, sweep, parse.GetValue(top), asJson, null, cancellation);
        }));
        return command;
    }

    private static Command Results()
    {
        var arguments = new JobArguments();
        var top = new Option<int?>("--top") { Description = "Only the best N by the job's objective (qualifying sets only), ranked; default: every result in enumeration order." };
        var format = new Option<string?>("--format") { Description = "table, csv, parquet or json (default: from --out's extension, else table)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of the console." };
        var command = new Command("results", "A job's results: every evaluated parameter set with all 16 metrics, or the best N.")
        {
            arguments.Id, arguments.Database.Option, top, format, output,
        };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            string? path = parse.GetValue(output)?.FullName;
            var chosen = ResultsFormats.Of(path, parse.GetValue(format));
            await using var cluster = await arguments.ConnectAsync(parse);
            var id = await JobArguments.ResolveAsync(cluster.Client, parse.GetValue(arguments.Id)!, cancellation);
            var job = await cluster.Client.GetAsync(id, cancellation) ?? throw new KeyNotFoundException($"There is no job {id}.");
            int? count = parse.GetValue(top);
            if (count is < 1)
            {
                throw new ArgumentException("--top must be at least 1.");
            }

            var results = await cluster.Client.ResultsAsync(id, chosen == ResultsFormat.Table ? count ?? 20 : count, cancellation);
            JobReport.Write(path, chosen, SweepDefinition.From(job.Spec), results, ranked: count is not null || chosen == ResultsFormat.Table);
            if (path is not null)
            {
                Console.Error.WriteLine($"Wrote {results.Count:N0} results to {path}.");
            }

            return 0;
        }));
        return command;
    }

    private static Command Cancel()
    {
        var arguments = new JobArguments();
        var command = new Command("cancel", "Cancel a pending or running job: no more of its work is claimed, and what is in flight ends within a batch.")
        {
            arguments.Id, arguments.Database.Option,
        };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var cluster = await arguments.ConnectAsync(parse);
            var id = await JobArguments.ResolveAsync(cluster.Client, parse.GetValue(arguments.Id)!, cancellation);
            if (await cluster.Client.CancelAsync(id, cancellation))
            {
                Console.WriteLine($"Cancelled job {id}.");
                return 0;
            }

            var job = await cluster.Client.GetAsync(id, cancellation);
            Console.Error.WriteLine($"error: job {id} had already ended ({job?.Status.ToString().ToLowerInvariant()}).");
            return 2;
        }));
        return command;
    }

    private static JsonObject Summary(Grains.Clients.JobProgress progress) => new()
    {
        ["job_id"] = progress.Job.JobId.ToString(),
        ["status"] = progress.Job.Status.ToString().ToLowerInvariant(),
        ["strategy"] = progress.Job.Spec.Strategy,
        ["data"] = progress.Job.Spec.Data.Describe(),
        ["phase"] = progress.Job.Phase,
        ["owner"] = progress.Job.Owner,
        ["items_total"] = progress.TotalItems,
        ["items_completed"] = progress.Counts.Completed,
        ["items_poisoned"] = progress.Counts.Poisoned,
        ["evaluations"] = progress.Evaluations,
        ["fraction"] = Math.Round(progress.Fraction, 6),
        ["error"] = progress.State?.Error,
        ["created_at"] = progress.Job.CreatedAt.UtcDateTime.ToString("O"),
    };
}
