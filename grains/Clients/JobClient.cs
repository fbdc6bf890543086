using System.Diagnostics;
using System.Runtime.CompilerServices;
using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Results;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Clients;

/// <summary>
/// What the console does with a cluster, embedded or remote alike: submit a job (checked first, so an
/// absurd sweep is refused before anything is stored), watch it, read its results, cancel it.
/// </summary>
public sealed class JobClient(IGrainFactory grains, IResultStore results, TimeProvider clock)
{
    public IGrainFactory Grains => grains;

    /// <summary>Checks the spec, then submits the job under a new id, carrying the current trace so the silos' spans join it.</summary>
    /// <exception cref="Engine.Strategies.StrategyParameterException">The strategy, the grid or its size makes no sense.</exception>
    /// <exception cref="ArgumentException">The objective or a backtest setting makes no sense.</exception>
    /// <exception cref="InvalidDataException">The job's bars cannot be read (the job is kept, failed, with the reason).</exception>
    public async Task<JobSnapshot> SubmitAsync(JobSpec spec)
    {
        var sweep = SweepDefinition.From(spec);
        using var span = ClusterTelemetry.Source.StartActivity("job.submit", ActivityKind.Client);
        span?.SetTag("job.strategy", spec.Strategy);
        span?.SetTag("job.positions", sweep.Positions);
        var jobId = Guid.CreateVersion7(clock.GetUtcNow());
        span?.SetTag("job.id", jobId.ToString());
        var job = await grains.GetGrain<IOptimizationJobGrain>(jobId).SubmitAsync(spec with { TraceParent = span?.Id ?? spec.TraceParent });

        // A job that could not even start failed on its input: the submitter hears why at once.
        return job is { Status: JobStatus.Failed, StartedAt: null, Error: { } error } ? throw new InvalidDataException(error) : job;
    }

    /// <summary>The job with up to <paramref name="best"/> of its best results; null when there is no such job.</summary>
    public Task<JobSnapshot?> GetAsync(Guid jobId, int best = OptimizationJobState.LeaderboardSize) =>
        grains.GetGrain<IOptimizationJobGrain>(jobId).GetSnapshotAsync(best);

    /// <exception cref="KeyNotFoundException">There is no such job.</exception>
    public async Task<JobSnapshot> RequireAsync(Guid jobId, int best = OptimizationJobState.LeaderboardSize) =>
        await GetAsync(jobId, best) ?? throw new KeyNotFoundException($"There is no job {jobId}.");

    public Task<IReadOnlyList<JobSummary>> ListAsync() => grains.GetGrain<IJobRegistryGrain>(0).ListAsync();

    /// <summary>
    /// The job now, then every <paramref name="interval"/> until it ends: the last one yielded is final and
    /// carries the whole best-so-far; the others only the best result, as a progress line needs no more.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such job.</exception>
    public async IAsyncEnumerable<JobSnapshot> WatchAsync(Guid jobId, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var snapshot = await RequireAsync(jobId, best: 1);
            if (snapshot.IsFinal)
            {
                yield return await RequireAsync(jobId);
                yield break;
            }

            yield return snapshot;

            await Task.Delay(interval, clock, cancellationToken);
        }
    }

    /// <summary>Waits for the job to end and returns it as it ended.</summary>
    public async Task<JobSnapshot> WaitAsync(Guid jobId, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        JobSnapshot? last = null;
        await foreach (var snapshot in WatchAsync(jobId, interval, cancellationToken))
        {
            last = snapshot;
        }

        return last!;
    }

    /// <summary>
    /// The best <paramref name="top"/> qualifying results by the job's objective, best first: from the
    /// job's own best when it keeps enough of them, else ranked from every stored result.
    /// </summary>
    public async Task<IReadOnlyList<EvaluationResult>> TopAsync(JobSnapshot job, int top, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (top <= OptimizationJobState.LeaderboardSize)
        {
            return [.. job.Best.Take(top)];
        }

        var objective = Objective.For(job.Spec.Objective, job.Spec.MinTrades, job.Spec.Maximise);
        return Leaderboard.Top(objective, await ReadAllAsync(job, cancellationToken), top);
    }

    /// <summary>Every stored result of the job in enumeration order, streamed from the results store.</summary>
    public IAsyncEnumerable<EvaluationResult> ReadAsync(JobSnapshot job, CancellationToken cancellationToken = default) =>
        results.ReadAsync(job.JobId, [.. StrategyCatalog.Find(job.Spec.Strategy).Parameters.Select(p => p.Name)], cancellationToken);

    /// <summary>Every stored result of the job in enumeration order, held whole: for writers that need them all.</summary>
    public async Task<IReadOnlyList<EvaluationResult>> ReadAllAsync(JobSnapshot job, CancellationToken cancellationToken = default)
    {
        var all = new List<EvaluationResult>();
        await foreach (var result in ReadAsync(job, cancellationToken))
        {
            all.Add(result);
        }

        return all;
    }

    /// <summary>False when the job had already ended.</summary>
    /// <exception cref="KeyNotFoundException">There is no such job.</exception>
    public async Task<bool> CancelAsync(Guid jobId)
    {
        _ = await RequireAsync(jobId);
        return await grains.GetGrain<IOptimizationJobGrain>(jobId).CancelAsync();
    }
}
