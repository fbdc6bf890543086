using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuantCluster.Api.Access;
using QuantCluster.Api.JobResults;
using QuantCluster.Api.Problems;
using QuantCluster.Contracts;

namespace QuantCluster.Api.Jobs;

/// <summary>/api/jobs: submit, list, show, follow (server-sent events) and cancel.</summary>
internal static class JobEndpoints
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(250);

    public static void Map(RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("jobs");
        jobs.MapGet("/", ListAsync).WithSummary("The caller's jobs (every job for an admin token), oldest first, with progress.");
        jobs.MapPost("/", SubmitAsync).Accepts<JobSpec>("application/json")
            .WithSummary("Submit a job: the JSON job spec the console builds (strategy, axes, objective, optimizer, settings, data).");
        jobs.MapGet("/{id}", ShowAsync).WithSummary("One job: status, progress and its best results (top, default 10).");
        jobs.MapGet("/{id}/events", Events).WithSummary("The job's progress as server-sent events ('progress', then one 'end'), until it ends.");
        jobs.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel a pending or running job (409 when it had already ended).");
    }

    private static async Task<IResult> ListAsync(HttpContext http, JobAccess jobs)
    {
        var caller = Caller.Of(http.User);
        var list = await jobs.ListAsync(caller, best: 1, http.RequestAborted);
        return TypedResults.Ok(list.Select(j => JobView.Of(j, 1)).ToArray());
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, JobAccess jobs)
    {
        JobSpec spec;
        try
        {
            spec = await JsonSerializer.DeserializeAsync<JobSpec>(http.Request.Body, ApiJson.Options, http.RequestAborted)
                ?? throw new ArgumentException("The body is not a job spec: it is null.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The body is not a job spec: {e.Message}", e);
        }

        if (spec.Axes is null || spec.Data is null || spec.Settings is null)
        {
            throw new ArgumentException("The job spec needs strategy, axes, objective and data.");
        }

        if (spec.Data.Path is null && spec.Data.GeneratedBars == 0 && string.IsNullOrEmpty(spec.Data.Timeframe))
        {
            throw new ArgumentException("say which bars: data.path (a file every silo can read), or data.symbol with data.timeframe for the bar store.");
        }

        var caller = Caller.Of(http.User);
        var job = await jobs.Client.SubmitAsync(spec with { TraceParent = null });
        await jobs.RecordOwnerAsync(caller, job.JobId, http.RequestAborted);
        return TypedResults.Created($"/api/jobs/{job.JobId}", JobView.Of(job, 0));
    }

    private static async Task<IResult> ShowAsync(HttpContext http, JobAccess jobs, ResultColumnsCache columns, string id, int? top)
    {
        int best = top ?? 10;
        if (best is < 0 or > 100)
        {
            throw new ArgumentException($"top must be between 0 and 100 (a job keeps its best 100; GET /api/jobs/{id}/results?top=N ranks more); got {best}.");
        }

        var job = await jobs.RequireAsync(Caller.Of(http.User), id, best, http.RequestAborted);
        if (job is { IsFinal: true, Best.Count: > 0 } && job.Spec.Axes.Count >= 2)
        {
            // Whoever looks at an ended job is likely to look at its heatmap next: start reading its results now.
            _ = columns.GetAsync(job, CancellationToken.None);
        }

        return TypedResults.Ok(JobView.Of(job, best));
    }

    private static async Task<IResult> Events(HttpContext http, JobAccess jobs, string id)
    {
        var job = await jobs.RequireAsync(Caller.Of(http.User), id, 0, http.RequestAborted);
        return TypedResults.ServerSentEvents(StreamAsync(jobs, job.JobId, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<JobView>> StreamAsync(JobAccess jobs, Guid jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var snapshot in jobs.Client.WatchAsync(jobId, WatchInterval, cancellationToken))
        {
            yield return new SseItem<JobView>(JobView.Of(snapshot, snapshot.IsFinal ? 10 : 1), snapshot.IsFinal ? "end" : "progress");
        }
    }

    private static async Task<IResult> CancelAsync(HttpContext http, JobAccess jobs, string id)
    {
        var job = await jobs.RequireAsync(Caller.Of(http.User), id, 0, http.RequestAborted);
        if (!await jobs.Client.CancelAsync(job.JobId))
        {
            var now = await jobs.Client.RequireAsync(job.JobId, 0);
            throw new JobEndedException($"job {job.JobId} had already ended ({now.Status.ToString().ToLowerInvariant()}).");
        }

        return TypedResults.Ok(JobView.Of(await jobs.Client.RequireAsync(job.JobId, 0), 0));
    }
}
