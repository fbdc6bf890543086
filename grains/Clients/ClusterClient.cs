using System.Diagnostics;
using System.Runtime.CompilerServices;
using QuantCluster.Contracts;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Clients;

/// <summary>
/// What the console does with a cluster, local or remote alike: submit a job (checked first, so an
/// absurd sweep is refused before anything is stored), watch it, read its results, cancel it.
/// </summary>
public sealed class ClusterClient(IClusterStore store, TimeProvider clock)
{
    public IClusterStore Store => store;

    /// <summary>Checks the spec, then stores the job, carrying the current trace so the silos' spans join it.</summary>
    /// <exception cref="Engine.Strategies.StrategyParameterException">The strategy, the grid or its size makes no sense.</exception>
    /// <exception cref="ArgumentException">The objective or a backtest setting makes no sense.</exception>
    public async Task<JobRecord> SubmitAsync(JobSpec spec, CancellationToken cancellationToken = default)
    {
        var sweep = SweepDefinition.From(spec);
        using var span = ClusterTelemetry.Source.StartActivity("job.submit", ActivityKind.Client);
        span?.SetTag("job.strategy", spec.Strategy);
        span?.SetTag("job.positions", sweep.Positions);
        var job = await store.CreateJobAsync(spec with { TraceParent = span?.Id ?? spec.TraceParent }, cancellationToken);
        span?.SetTag("job.id", job.JobId.ToString());
        return job;
    }

    public Task<JobRecord?> GetAsync(Guid jobId, CancellationToken cancellationToken = default) => store.GetJobAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> ListAsync(CancellationToken cancellationToken = default) => store.ListJobsAsync(cancellationToken);

    /// <exception cref="KeyNotFoundException">There is no such job.</exception>
    public async Task<JobProgress> ProgressAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var job = await store.GetJobAsync(jobId, cancellationToken) ?? throw new KeyNotFoundException($"There is no job {jobId}.");
        var counts = await store.CountWorkItemsAsync(jobId, cancellationToken);
        return new JobProgress(job, job.State is null ? null : ClusterJson.Read<OptimizationJobState>(job.State), counts);
    }

    /// <summary>
    /// The job's progress now, then after every completed item (as announced, at most every
    /// <paramref name="interval"/>) or every <paramref name="interval"/> when nothing is announced,
    /// until it ends: the last one yielded is final.
    /// </summary>
    public async IAsyncEnumerable<JobProgress> WatchAsync(
        Guid jobId, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IJobProgressSubscription? subscription = null;
        try
        {
            try
            {
                subscription = await store.SubscribeToProgressAsync(cancellationToken);
            }
            catch (ClusterStoreException)
            {
                // Polling alone still works.
            }

            while (true)
            {
                var progress = await ProgressAsync(jobId, cancellationToken);
                yield return progress;
                if (progress.IsFinal)
                {
                    yield break;
                }

                await NextAnnouncementAsync(subscription, jobId, interval, cancellationToken);
            }
        }
        finally
        {
            if (subscription is not null)
            {
                await subscription.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Waits until the job announces the end of a phase (then a fifth of the interval more, to merge a
    /// burst of announcements) or the interval passes, whichever is first.
    /// </summary>
    private async Task NextAnnouncementAsync(IJobProgressSubscription? subscription, Guid jobId, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (subscription is null)
        {
            await Task.Delay(interval, clock, cancellationToken);
            return;
        }

        try
        {
            if (await ProgressAnnouncements.WaitAsync(subscription, jobId, interval, clock, cancellationToken))
            {
                await Task.Delay(interval / 5, clock, cancellationToken);
            }
        }
        catch (ClusterStoreException)
        {
            // The subscription's connection is gone; the next polls still see progress.
            await Task.Delay(interval, clock, cancellationToken);
        }
    }

    /// <summary>Waits for the job to end and returns its final progress.</summary>
    public async Task<JobProgress> WaitAsync(Guid jobId, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        JobProgress? last = null;
        await foreach (var progress in WatchAsync(jobId, interval, cancellationToken))
        {
            last = progress;
        }

        return last!;
    }

    /// <summary>
    /// The job's results, ranked by its objective (qualifying sets only) when <paramref name="top"/> is
    /// given, else every stored result in enumeration order.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such job.</exception>
    public async Task<IReadOnlyList<EvaluationResult>> ResultsAsync(Guid jobId, int? top = null, CancellationToken cancellationToken = default)
    {
        var job = await store.GetJobAsync(jobId, cancellationToken) ?? throw new KeyNotFoundException($"There is no job {jobId}.");
        var results = await store.ReadResultsAsync(jobId, cancellationToken: cancellationToken);
        return top is { } count
            ? Leaderboard.Top(SweepDefinition.From(job.Spec).Objective, results, count)
            : results;
    }

    /// <summary>False when the job had already ended.</summary>
    /// <exception cref="KeyNotFoundException">There is no such job.</exception>
    public Task<bool> CancelAsync(Guid jobId, CancellationToken cancellationToken = default) => store.CancelJobAsync(jobId, cancellationToken);
}
