using QuantCluster.Contracts.Jobs;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// A few <see cref="SiloProcess"/>es on one database, ready once every one of them is active in Orleans'
/// membership table, and a <see cref="JobWatcher"/> on them.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    /// <summary>
    /// 72 parameter sets over <see cref="SmaSweep"/>'s 100,000 bars, a tenth of a second or so: a silo
    /// is nearly always mid-item, and a job has dozens of items for a fault to land between.
    /// </summary>
    public const long BarEvaluationsPerItem = 7_200_000;

    private static readonly TimeSpan Joining = TimeSpan.FromSeconds(60);

    private readonly string _connectionString;
    private readonly List<SiloProcess> _silos;
    private JobWatcher? _watcher;

    private SiloCluster(string connectionString, List<SiloProcess> silos)
    {
        _connectionString = connectionString;
        _silos = silos;
        Membership = new MembershipTable(connectionString);
    }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public MembershipTable Membership { get; }

    public JobWatcher Jobs => _watcher!;

    /// <summary>Every silo's log, for failure messages.</summary>
    public string Logs => string.Join('\n', _silos.Select(s => s.Log));

    public static async Task<SiloCluster> StartAsync(string connectionString, int count)
    {
        var cluster = new SiloCluster(connectionString, [.. Enumerable.Range(1, count).Select(n => SiloProcess.Start(connectionString, $"silo-{n}", BarEvaluationsPerItem))]);
        try
        {
            await Poll.UntilAsync(async () => await cluster.Membership.ActiveCountAsync() == count, Joining, $"{count} silos to join", () => cluster.Logs);
            cluster._watcher = await JobWatcher.ConnectAsync(connectionString);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and waits until it is active.</summary>
    public async Task<SiloProcess> AddSiloAsync()
    {
        var silo = SiloProcess.Start(_connectionString, $"silo-{_silos.Count + 1}", BarEvaluationsPerItem);
        _silos.Add(silo);
        await Poll.UntilAsync(async () => await Membership.StatusOfAsync(silo.Port) == MembershipTable.Active, Joining, $"{silo.Name} to join", () => Logs);
        return silo;
    }

    /// <summary>The process a silo address (as snapshots give it) belongs to.</summary>
    public SiloProcess ProcessOf(string siloAddress) => _silos.Single(s => s.Is(siloAddress));

    public Task<JobSnapshot> UntilAsync(Guid jobId, Func<JobSnapshot, bool> done, TimeSpan timeout, string what) =>
        Poll.UntilAsync(() => Jobs.SnapshotAsync(jobId), done, timeout, what, () => Logs);

    /// <summary>
    /// SIGKILLs a silo other than the job's own while it holds one of the job's items, and returns it with
    /// the items it held. A silo is between items for only a moment, but a test that meant to kill one
    /// mid-item must not depend on luck: each candidate is frozen (SIGSTOP) first, then the job is asked
    /// what it holds; holding nothing (or when the question cannot get past it), it is thawed and the next is tried.
    /// </summary>
    public async Task<(SiloProcess Silo, IReadOnlyList<InFlightItem> Held)> KillOneHoldingWorkAsync(Guid jobId)
    {
        var killed = await Poll.UntilAsync<(SiloProcess, IReadOnlyList<InFlightItem>)?>(
            async () =>
            {
                var host = (await Jobs.SnapshotAsync(jobId)).Host;
                foreach (var silo in _silos.Where(s => !s.HasExited && !s.Is(host)))
                {
                    await silo.FreezeAsync();
                    IReadOnlyList<InFlightItem> held;
                    try
                    {
                        // The frozen silo may be the gateway the watcher's call goes through: give up on it
                        // quickly, before the membership declares a silo frozen this long dead.
                        held = [.. (await Jobs.SnapshotAsync(jobId).WaitAsync(TimeSpan.FromSeconds(1))).InFlight.Where(i => silo.Is(i.Silo))];
                    }
                    catch (TimeoutException)
                    {
                        held = [];
                    }

                    if (held.Count > 0)
                    {
                        silo.Kill();
                        return (silo, held);
                    }

                    await silo.ResumeAsync();
                }

                return null;
            },
            candidate => candidate is not null,
            TimeSpan.FromSeconds(30), "a silo holding a work item to kill", () => Logs);
        return killed!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
