using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Commands.Data;
using QuantCluster.Client.Output;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Grains.Jobs;
using Spectre.Console;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>`quant job list|show|watch|results|cancel`: the jobs of a cluster.</summary>
internal static class JobCommand
{
    public static Command Create() => new("job", "List, follow, read and cancel the jobs of a cluster (--db or QUANT_DB).")
    {
        List(), Show(), Watch(), Results(), Cancel(), JobReportCommand.Create(),
    };

    private static Command List()
    {
        var database = new DatabaseOption();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("list", "Every job, oldest first, with its status and progress.") { database.Option, json };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var cluster = await ClusterConnection.OpenAsync(database.ConnectionString(parse));
            var rows = new List<JobSnapshot>();
            foreach (var job in await cluster.Client.ListAsync())
            {
                if (await cluster.Client.GetAsync(job.JobId) is { } snapshot)
                {
                    rows.Add(snapshot);
                }
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(Console.Out, new JsonArray([.. rows.Select(r => (JsonNode)Summary(r))]));
                return 0;
            }

            var table = new Table().AddColumns("id", "status", "strategy", "data", "done", "sets", "created (UTC)");
            foreach (var job in rows)
            {
                table.AddRow(
                    job.JobId.ToString(), job.Status.ToString().ToLowerInvariant(), Markup.Escape(job.Spec.Strategy), Markup.Escape(job.Spec.Data.Describe()),
                    $"{job.Fraction * 100:F0}%", $"{job.Evaluated:N0}", $"{job.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}");
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
            var id = await JobArguments.ResolveAsync(cluster.Client, parse.GetValue(arguments.Id)!);
            var job = await cluster.Client.RequireAsync(id);
            var sweep = SweepDefinition.From(job.Spec);
            if (parse.GetValue(json))
            {
                var summary = Summary(job);
                summary["in_flight"] = new JsonArray([.. job.InFlight.Select(i => (JsonNode)new JsonObject { ["item"] = i.ItemIndex, ["silo"] = i.Silo, ["attempt"] = i.Attempt })]);
                summary["leaderboard"] = LeaderboardView.Json(sweep.Strategy, [.. job.Best.Take(parse.GetValue(top))]);
                SearchResultJson.AddTo(summary, job, sweep);
                JsonOutput.Write(Console.Out, summary);
                return 0;
            }

            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string value) => grid.AddRow($"[grey]{name}[/]", Markup.Escape(value));
            Row("job", job.JobId.ToString());
            Row("status", job.Status.ToString().ToLowerInvariant());
            Row("strategy", sweep.Strategy.Name);
            Row("grid", string.Join("  ", sweep.Grid.Axes.Select(a => $"{a.Name}: {a.Values.Length} values")));
            Row("search", JobSubmission.Describe(sweep));
            if (job.Phases > 1)
            {
                Row(job.Spec.WalkForward is null ? "generations" : "folds", $"{job.Phase:N0} of {job.Phases:N0} done");
            }

            Row("objective", $"{(sweep.Objective.Maximise ? "maximise" : "minimise")} {sweep.Objective.Metric}, at least {sweep.Objective.MinTrades} trades");
            Row("data", job.Spec.Data.Describe());
            Row("job grain on", job.Host);
            Row("work items", $"{job.ItemsDone:N0} done, {job.InFlight.Count:N0} in flight, of {job.TotalItems:N0}; {job.Reassigned:N0} redone after a silo died, {job.FailedAttempts:N0} failed attempts");
            Row("evaluated", $"{job.Evaluated:N0} parameter sets ({job.Fraction * 100:F1}%)");
            Row("created", $"{job.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
            if (job.Error is { } error)
            {
                Row("error", error);
            }

            AnsiConsole.Write(grid);
            if (job.Generations.Count > 0)
            {
                AnsiConsole.Write(GenerationHistoryView.Table(sweep.Objective, job.Generations));
            }

            if (job.Spec.WalkForward is not null)
            {
                WalkForwardView.Print(sweep.Strategy, [.. sweep.Grid.Axes.Select(a => a.Name)], sweep.Objective, job.Folds, job.WalkForward);
            }
            else if (job.Best.Count > 0)
            {
                AnsiConsole.MarkupLine(job.IsFinal ? "Best:" : "Best so far:");
                AnsiConsole.Write(LeaderboardView.Table(sweep.Strategy, [.. sweep.Grid.Axes.Select(a => a.Name)], sweep.Objective, [.. job.Best.Take(parse.GetValue(top))]));
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
            var id = await JobArguments.ResolveAsync(cluster.Client, parse.GetValue(arguments.Id)!);
            bool asJson = parse.GetValue(json);
            var job = await cluster.Client.RequireAsync(id);
            var sweep = SweepDefinition.From(job.Spec);
            var final = await JobProgressView.FollowAsync(cluster.Client, id, sweep, cluster.WatchInterval, quiet: asJson, cancellation);
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
            var id = await JobArguments.ResolveAsync(cluster.Client, parse.GetValue(arguments.Id)!);
            var job = await cluster.Client.RequireAsync(id);
            int? count = parse.GetValue(top);
            if (count is < 1)
            {
                throw new ArgumentException("--top must be at least 1.");
            }

            count = chosen == ResultsFormat.Table ? count ?? 20 : count;
            var results = count is { } n ? await cluster.Client.TopAsync(job, n, cancellation) : await cluster.Client.ReadAllAsync(job, cancellation);
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
        var command = new Command("cancel", "Cancel a pending or running job: no more of its work is handed out, and what is in flight ends within an item.")
        {
            arguments.Id, arguments.Database.Option,
        };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var cluster = await arguments.ConnectAsync(parse);
            var id = await JobArguments.ResolveAsync(cluster.Client, parse.GetValue(arguments.Id)!);
            if (await cluster.Client.CancelAsync(id))
            {
                Console.WriteLine($"Cancelled job {id}.");
                return 0;
            }

            var job = await cluster.Client.GetAsync(id);
            Console.Error.WriteLine($"error: job {id} had already ended ({job?.Status.ToString().ToLowerInvariant()}).");
            return 2;
        }));
        return command;
    }

    private static JsonObject Summary(JobSnapshot job) => new()
    {
        ["job_id"] = job.JobId.ToString(),
        ["status"] = job.Status.ToString().ToLowerInvariant(),
        ["strategy"] = job.Spec.Strategy,
        ["data"] = job.Spec.Data.Describe(),
        ["phase"] = job.Phase,
        ["phases"] = job.Phases,
        ["host"] = job.Host,
        ["items_total"] = job.TotalItems,
        ["items_completed"] = job.ItemsDone,
        ["items_in_flight"] = job.InFlight.Count,
        ["items_reassigned"] = job.Reassigned,
        ["failed_attempts"] = job.FailedAttempts,
        ["evaluations"] = job.Evaluated,
        ["fraction"] = Math.Round(job.Fraction, 6),
        ["error"] = job.Error,
        ["created_at"] = job.CreatedAt.UtcDateTime.ToString("O"),
    };
}
