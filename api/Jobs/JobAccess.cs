using QuantCluster.Api.Access;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Grains.Clients;

namespace QuantCluster.Api.Jobs;

/// <summary>The jobs a caller may see: every job for an administrator (and on the open local API), its own for any other token.</summary>
internal sealed class JobAccess(JobClient client, ApiAccess access)
{
    public JobClient Client => client;

    /// <exception cref="ArgumentException">The text is not a job id.</exception>
    /// <exception cref="KeyNotFoundException">There is no such job, or not one of the caller's.</exception>
    public async Task<JobSnapshot> RequireAsync(Caller caller, string id, int best = 100, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(id, out var jobId))
        {
            throw new ArgumentException($"'{id}' is not a job id; a job id is a UUID, as GET /api/jobs lists them.");
        }

        if (!await MaySeeAsync(caller, jobId, cancellationToken))
        {
            throw new KeyNotFoundException($"There is no job {jobId}.");
        }

        return await client.RequireAsync(jobId, best);
    }

    /// <summary>The caller's jobs, oldest first, each as it stands.</summary>
    public async Task<IReadOnlyList<JobSnapshot>> ListAsync(Caller caller, int best, CancellationToken cancellationToken = default)
    {
        var jobs = await client.ListAsync();
        if (!caller.IsAdmin && caller.TokenId is { } token && access.Tokens is { } tokens)
        {
            var own = await tokens.JobsOfAsync(token, cancellationToken);
            jobs = [.. jobs.Where(j => own.Contains(j.JobId))];
        }

        var snapshots = await Task.WhenAll(jobs.Select(j => client.GetAsync(j.JobId, best)));
        return [.. snapshots.OfType<JobSnapshot>()];
    }

    public async Task RecordOwnerAsync(Caller caller, Guid jobId, CancellationToken cancellationToken)
    {
        if (caller.TokenId is { } token && access.Tokens is { } tokens)
        {
            await tokens.RecordOwnerAsync(jobId, token, cancellationToken);
        }
    }

    private async Task<bool> MaySeeAsync(Caller caller, Guid jobId, CancellationToken cancellationToken) =>
        caller.IsAdmin || caller.TokenId is not { } token || access.Tokens is not { } tokens || await tokens.OwnsAsync(token, jobId, cancellationToken);
}
