using Orleans.Runtime;

namespace QuantCluster.Grains.Telemetry;

/// <summary>
/// Records <see cref="ClusterTelemetry.ActiveSilos"/> from Orleans' membership: on every change of the
/// cluster as this silo sees it, from the moment it joins until it stops.
/// </summary>
internal sealed class ActiveSilosGauge(IClusterMembershipService membership) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _watching = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ActiveSilosGauge), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    public void Dispose() => _stop.Dispose();

    private Task StartAsync(CancellationToken cancellationToken)
    {
        Record(membership.CurrentSnapshot);
        _watching = Task.Run(WatchAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _watching;
    }

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stop.Token))
            {
                Record(snapshot);
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping.
        }
    }

    private static void Record(ClusterMembershipSnapshot snapshot) =>
        ClusterTelemetry.ActiveSilos.Record(snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active));
}
