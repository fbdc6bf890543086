using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuantCluster.Contracts;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Telemetry;
using QuantCluster.Grains.Workers;

namespace QuantCluster.Grains.Silos;

/// <summary>
/// One silo: it joins the membership, heartbeats and declares silent silos dead, owns the jobs
/// whose lease it takes (stepping each with its <see cref="OptimizationJobGrain"/>), and runs one
/// <see cref="EvaluationWorker"/> per core. The same runtime serves the silo process over PostgreSQL
/// and the embedded local cluster over the in-memory store. While the store cannot be reached it
/// declares nobody dead and claims nothing, and retries with backoff.
/// </summary>
public sealed class SiloRuntime : IAsyncDisposable
{
    private readonly IClusterStore _store;
    private readonly SiloOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly OptimizationJobGrain _jobs;
    private readonly SiloRegistration _registration;
    private readonly CancellationTokenSource _stopClaiming = new();
    private readonly CancellationTokenSource _stopAll = new();
    private readonly List<Task> _loops = [];
    private readonly HashSet<Guid> _owned = [];
    private IJobProgressSubscription? _completions;
    private int _stopped;

    private SiloRuntime(IClusterStore store, SymbolCache symbols, SiloOptions options, TimeProvider clock, ILogger logger)
    {
        _store = store;
        _options = options;
        _clock = clock;
        _logger = logger;
        SiloId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..^24];
        _registration = new SiloRegistration(SiloId, Environment.MachineName, clock.GetUtcNow());
        var definitions = new SweepDefinitionCache(store);
        _jobs = new OptimizationJobGrain(store, symbols, definitions, SiloId, options, clock, logger);
        Workers = Enumerable.Range(0, options.Workers)
            .Select(_ => new EvaluationWorker(store, symbols, definitions, SiloId, options, clock, logger))
            .ToArray();
    }

    public string SiloId { get; }

    internal IReadOnlyList<EvaluationWorker> Workers { get; }

    /// <summary>Joins the cluster (waiting out an unreachable store) and starts the loops.</summary>
    public static async Task<SiloRuntime> StartAsync(
        IClusterStore store, SymbolCache symbols, SiloOptions options, TimeProvider clock, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var silo = new SiloRuntime(store, symbols, options, clock, logger ?? NullLogger.Instance);
        await silo.RegisterAsync(cancellationToken);
        ClusterTelemetry.ActiveSilos.Record((await store.ListActiveSilosAsync(cancellationToken)).Count);
        silo._loops.Add(Task.Run(() => silo.MembershipLoopAsync(silo._stopAll.Token), CancellationToken.None));
        silo._loops.Add(Task.Run(() => silo.OwnerLoopAsync(silo._stopAll.Token), CancellationToken.None));
        foreach (var worker in silo.Workers)
        {
            silo._loops.Add(Task.Run(() => worker.RunAsync(silo._stopClaiming.Token), CancellationToken.None));
        }

        SiloLog.Joined(silo._logger, silo.SiloId, options.Workers);
        return silo;
    }

    /// <summary>
    /// Leaves cleanly: stops claiming, lets the workers finish the items in hand, then leaves the
    /// membership, which releases this silo's job leases and any item still claimed.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopClaiming.CancelAsync();
        await _stopAll.CancelAsync();
        await Task.WhenAll(_loops);
        if (_completions is not null)
        {
            await _completions.DisposeAsync();
        }

        try
        {
            await _store.LeaveAsync(SiloId);
            SiloLog.Left(_logger, SiloId);
        }
        catch (ClusterStoreException e)
        {
            // Its heartbeats stop, so the others declare it dead and take its work over.
            SiloLog.CouldNotLeave(_logger, SiloId, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopClaiming.Dispose();
        _stopAll.Dispose();
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(_options.MaxBackoff, _clock);
        while (true)
        {
            try
            {
                await _store.RegisterSiloAsync(_registration, cancellationToken);
                return;
            }
            catch (ClusterStoreException e)
            {
                SiloLog.StoreUnreachable(_logger, SiloId, "joining", e.Message);
                await backoff.WaitAsync(cancellationToken);
            }
        }
    }

    private async Task MembershipLoopAsync(CancellationToken cancellationToken)
    {
        // Nobody can heartbeat while the store is unreachable, so when it is back every silo's last
        // heartbeat is as old as the outage: stale, yet no sign of death. A silo judges the others
        // only after a whole dead-silo timeout in touch itself, time for every live silo to heartbeat
        // again. Joining counts as getting in touch: the store may just have come back.
        DateTimeOffset? inTouchSince = _clock.GetUtcNow();
        while (await WaitAsync(_options.HeartbeatInterval, cancellationToken))
        {
            try
            {
                if (!await _store.HeartbeatAsync(SiloId, cancellationToken))
                {
                    // Declared dead while unreachable: its claims were taken over; join again and go on.
                    SiloLog.Rejoining(_logger, SiloId);
                    await _store.RegisterSiloAsync(_registration, cancellationToken);
                }

                inTouchSince ??= _clock.GetUtcNow();
                if (_clock.GetUtcNow() - inTouchSince >= _options.DeadSiloTimeout)
                {
                    foreach (var dead in await _store.DeclareDeadSilosAsync(_options.DeadSiloTimeout, cancellationToken))
                    {
                        SiloLog.DeclaredDead(_logger, dead, SiloId);
                    }
                }

                ClusterTelemetry.ActiveSilos.Record((await _store.ListActiveSilosAsync(cancellationToken)).Count);
            }
            catch (ClusterStoreException e)
            {
                inTouchSince = null;
                SiloLog.StoreUnreachable(_logger, SiloId, "heartbeat", e.Message);
            }
        }
    }

    private async Task OwnerLoopAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(_options.MaxBackoff, _clock);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await OwnJobsAsync(cancellationToken);
                backoff.Reset();
                if (!await WaitForCompletionsAsync(cancellationToken))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is ClusterStoreException or IOException)
            {
                SiloLog.StoreUnreachable(_logger, SiloId, "running its jobs", e.Message);
                try
                {
                    await backoff.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task OwnJobsAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        foreach (var job in await _store.ListJobsAsync(cancellationToken))
        {
            if (job.Status is not (JobStatus.Pending or JobStatus.Running))
            {
                _owned.Remove(job.JobId);
                continue;
            }

            bool mine = job.Owner == SiloId && job.LeaseUntil > now;
            bool free = job.Owner is null || job.LeaseUntil is null || job.LeaseUntil <= now;
            if (!mine && !(free && await _store.TryAcquireJobLeaseAsync(job.JobId, SiloId, _options.JobLease, cancellationToken)))
            {
                _owned.Remove(job.JobId);
                continue;
            }

            if (_owned.Add(job.JobId))
            {
                SiloLog.Owns(_logger, SiloId, job.JobId, job.Phase);
            }

            // Taking the lease moves no version, so the listed record is as good as a reread; a stale one
            // only makes the step's versioned write fail, and the next look rereads.
            if (!await _jobs.StepAsync(job, cancellationToken))
            {
                _owned.Remove(job.JobId);
            }
        }
    }

    /// <summary>
    /// Waits a poll interval, or less when the store announces a completed item: the last item of a
    /// phase then moves its job on at once rather than a poll later. False when cancelled.
    /// </summary>
    private async Task<bool> WaitForCompletionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            _completions ??= await _store.SubscribeToProgressAsync(cancellationToken);
        }
        catch (ClusterStoreException)
        {
            return await WaitAsync(_options.PollInterval, cancellationToken);
        }

        try
        {
            await ProgressAnnouncements.WaitAsync(_completions, jobId: null, _options.PollInterval, _clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (ClusterStoreException)
        {
            // The listening connection was lost; polling goes on, and the next wait listens again.
            await _completions.DisposeAsync();
            _completions = null;
        }

        return true;
    }

    /// <summary>False when cancelled instead of waiting the whole time.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _clock, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
