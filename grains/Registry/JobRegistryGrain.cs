using Orleans.Concurrency;
using Orleans.Runtime;
using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Grains.Hosting;

namespace QuantCluster.Grains.Registry;

/// <summary>
/// The job registry (see <see cref="IJobRegistryGrain"/>). Idle workers of every silo long-poll it, so a
/// change wakes them all at once instead of at their next poll. Its version lives in memory only: a new
/// activation starts at a random one, which no worker holds, so every waiting worker looks again.
/// It is reentrant: a waiting worker's call would otherwise hold back the very change it waits for.
/// Writes take turns, as two at once would trip over each other's ETag.
/// </summary>
[Reentrant]
internal sealed class JobRegistryGrain(
    [PersistentState("registry", GrainStorage.Name)] IPersistentState<JobRegistryState> stored) : Grain, IJobRegistryGrain, IDisposable
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private long _version = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _writing.Dispose();

    public async Task AddAsync(JobSummary job)
    {
        ArgumentNullException.ThrowIfNull(job);
        await _writing.WaitAsync();
        try
        {
            await AddOrUpdateAsync(job);
        }
        finally
        {
            _writing.Release();
        }
    }

    public async Task SetStatusAsync(Guid jobId, JobStatus status)
    {
        await _writing.WaitAsync();
        try
        {
            await SetOneStatusAsync(jobId, status);
        }
        finally
        {
            _writing.Release();
        }
    }

    public Task<IReadOnlyList<JobSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<JobSummary>>([.. stored.State.Jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.JobId)]);

    public async Task<ActiveJobs> WaitForWorkAsync(long seenVersion, TimeSpan wait)
    {
        if (seenVersion == _version)
        {
            try
            {
                await _changed.Task.WaitAsync(wait);
            }
            catch (TimeoutException)
            {
                // Nothing changed: the worker asks again.
            }
        }

        return Active();
    }

    public Task AnnounceWorkAsync(Guid jobId)
    {
        Changed();
        return Task.CompletedTask;
    }

    private async Task AddOrUpdateAsync(JobSummary job)
    {
        var jobs = stored.State.Jobs;
        int index = jobs.FindIndex(j => j.JobId == job.JobId);
        if (index >= 0 && jobs[index].Status == job.Status)
        {
            Changed();
            return;
        }

        if (index >= 0)
        {
            jobs[index] = jobs[index] with { Status = job.Status };
        }
        else
        {
            jobs.Add(job);
        }

        await stored.WriteStateAsync();
        Changed();
    }

    private async Task SetOneStatusAsync(Guid jobId, JobStatus status)
    {
        var jobs = stored.State.Jobs;
        int index = jobs.FindIndex(j => j.JobId == jobId);
        if (index < 0 || jobs[index].Status == status)
        {
            return;
        }

        jobs[index] = jobs[index] with { Status = status };
        await stored.WriteStateAsync();
        Changed();
    }

    private ActiveJobs Active() => new(
        _version,
        [.. stored.State.Jobs.Where(j => j.Status is JobStatus.Pending or JobStatus.Running).OrderBy(j => j.CreatedAt).Select(j => j.JobId)]);

    private void Changed()
    {
        _version++;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
