using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using QuantCluster.Api.Access;
using QuantCluster.Api.Jobs;
using QuantCluster.Contracts;
using QuantCluster.Data.Tables;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Results;

namespace QuantCluster.Api.JobResults;

/// <summary>/api/jobs/{id}/results and /heatmap: a job's results ranked, paged or downloaded, and aggregated for a heatmap.</summary>
internal static class ResultEndpoints
{
    private const int MaxPage = 10_000;

    public static void Map(RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("results");
        jobs.MapGet("/{id}/results", ResultsAsync).WithSummary(
            "The job's results: ?top=N ranks the best N qualifying sets; else a page in enumeration order (?offset=0&limit=100). " +
            "?format=csv|parquet|json downloads them instead (every result, or the top N).");
        jobs.MapGet("/{id}/heatmap", HeatmapAsync).WithSummary(
            "The objective over two swept parameters (?x=fast&y=slow), aggregated on the server: mode=fixed (the others at the best set), best or mean (over the others).");
    }

    private static async Task<IResult> ResultsAsync(HttpContext http, JobAccess jobs, string id, int? top, long? offset, int? limit, string? format)
    {
        var job = await jobs.RequireAsync(Caller.Of(http.User), id, 100, http.RequestAborted);
        var strategy = StrategyCatalog.Find(job.Spec.Strategy);
        if (top is < 1)
        {
            throw new ArgumentException($"top must be at least 1; got {top}.");
        }

        if (format is not null)
        {
            var results = top is { } n ? await jobs.Client.TopAsync(job, n, http.RequestAborted) : await jobs.Client.ReadAllAsync(job, http.RequestAborted);
            return Download(strategy, job.JobId, format, results, ranked: top is not null);
        }

        if (top is { } count)
        {
            var ranked = await jobs.Client.TopAsync(job, count, http.RequestAborted);
            return TypedResults.Ok(ranked.Select(r => ResultView.Of(strategy, r)).ToArray());
        }

        long skip = offset ?? 0;
        int take = limit ?? 100;
        if (skip < 0 || take is < 1 or > MaxPage)
        {
            throw new ArgumentException($"offset must be at least 0 and limit between 1 and {MaxPage:N0}; got offset {skip}, limit {take}.");
        }

        var page = new List<ResultView>(take);
        long index = 0;
        await foreach (var result in jobs.Client.ReadAsync(job, http.RequestAborted))
        {
            if (index++ < skip)
            {
                continue;
            }

            page.Add(ResultView.Of(strategy, result));
            if (page.Count == take)
            {
                break;
            }
        }

        return TypedResults.Ok(new ResultPage(skip, take, job.Evaluated, page));
    }

    private static FileContentHttpResult Download(Strategy strategy, Guid jobId, string format, IReadOnlyList<EvaluationResult> results, bool ranked)
    {
        var table = ResultsTable.Of(strategy, results, ranked);
        string name = $"job-{jobId}";
        switch (format.ToLowerInvariant())
        {
            case "csv":
                var text = new StringWriter();
                TableCsvWriter.Write(text, table);
                return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", $"{name}.csv");
            case "json":
                var json = JsonSerializer.SerializeToUtf8Bytes(results.Select(r => ResultView.Of(strategy, r)).ToArray(), ApiJson.Options);
                return TypedResults.File(json, "application/json", $"{name}.json");
            case "parquet":
                string path = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.parquet");
                try
                {
                    ResultsTable.WriteParquet(path, table);
                    return TypedResults.File(File.ReadAllBytes(path), "application/vnd.apache.parquet", $"{name}.parquet");
                }
                finally
                {
                    File.Delete(path);
                }

            default:
                throw new ArgumentException($"format {format} is not a format; use csv, parquet or json.");
        }
    }

    private static async Task<IResult> HeatmapAsync(HttpContext http, JobAccess jobs, ResultColumnsCache columns, string id, string? x, string? y, string? mode)
    {
        var job = await jobs.RequireAsync(Caller.Of(http.User), id, 1, http.RequestAborted);
        var axes = job.Spec.Axes;
        string first = x ?? (axes.Count > 0 ? axes[0].Name : "");
        string second = y ?? (axes.Count > 1 ? axes[1].Name : throw new ArgumentException("a heatmap needs two swept parameters; this job sweeps one."));
        var results = await columns.GetAsync(job, http.RequestAborted);
        return TypedResults.Ok(Heatmap.Of(results, first, second, mode ?? "fixed"));
    }
}
