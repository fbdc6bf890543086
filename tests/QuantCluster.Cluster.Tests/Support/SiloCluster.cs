namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// A few <see cref="SiloProcess"/>es on one database, started together and ready once every one of
/// them has joined the membership.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    /// <summary>Phases of 8 items: <see cref="SmaSweep"/>'s 62 items make 8 phases, so a job persists its state 8 times.</summary>
    public const int ItemsPerPhase = 8;

    /// <summary>
    /// 72 parameter sets over <see cref="SmaSweep"/>'s 100,000 bars, a tenth of a second or so: a silo
    /// is nearly always mid-item, and a job has dozens of items for a fault to land between.
    /// </summary>
    public const long BarEvaluationsPerItem = 7_200_000;

    private SiloCluster(IReadOnlyList<SiloProcess> silos, ClusterTables tables)
    {
        Silos = silos;
        Tables = tables;
    }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public ClusterTables Tables { get; }

    /// <summary>Every silo's log, for failure messages.</summary>
    public string Logs => string.Join('\n', Silos.Select(s => s.Log));

    public static async Task<SiloCluster> StartAsync(string connectionString, int count)
    {
        var silos = Enumerable.Range(1, count)
            .Select(n => SiloProcess.Start(connectionString, $"silo-{n}", ItemsPerPhase, BarEvaluationsPerItem))
            .ToArray();
        var cluster = new SiloCluster(silos, new ClusterTables(connectionString));
        try
        {
            await Poll.UntilAsync(
                async () => (await cluster.Tables.ActiveSilosAsync()).Count == count,
                TimeSpan.FromSeconds(60), $"{count} silos join the cluster", () => cluster.Logs);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The process behind an active silo id.</summary>
    public SiloProcess ProcessOf(string siloId)
    {
        int processId = SiloProcess.ProcessIdOf(siloId);
        return Silos.Single(s => s.ProcessId == processId);
    }

    /// <summary>
    /// SIGKILLs a silo while it holds a claimed work item, and says which items those were. A silo is
    /// between items for only a millisecond or so, but a test that meant to kill it mid-item must not
    /// depend on luck: each candidate is frozen first (SIGSTOP), and once the server has finished
    /// whatever it last sent, its claims are read; with none it is thawed and the next one tried.
    /// </summary>
    /// <param name="eligible">Which silo ids may be killed.</param>
    public async Task<KilledSilo> KillOneHoldingWorkAsync(Func<string, bool> eligible)
    {
        var killed = await Poll.UntilAsync<KilledSilo?>(
            async () =>
            {
                foreach (string siloId in (await Tables.ActiveSilosAsync()).Where(eligible))
                {
                    var silo = ProcessOf(siloId);
                    await silo.FreezeAsync();
                    await Poll.UntilAsync(
                        async () => await Tables.BusySessionsAsync(silo.Name) == 0,
                        TimeSpan.FromSeconds(10), $"the server to finish {silo.Name}'s statements", () => Logs);
                    var held = await Tables.ItemsHeldByAsync(siloId);
                    if (held.Count > 0)
                    {
                        silo.Kill();
                        return new KilledSilo(siloId, held);
                    }

                    await silo.ResumeAsync();
                }

                return null;
            },
            candidate => candidate is not null,
            TimeSpan.FromSeconds(30), "a silo holding a work item to kill", () => Logs);
        return killed!; // The poll returns only a value that is not null.
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }
    }
}
