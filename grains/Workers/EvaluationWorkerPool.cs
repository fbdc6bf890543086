using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace QuantCluster.Grains.Workers;

/// <summary>
/// The silo's evaluation workers, one per core: each pulls work items from the running jobs' grains,
/// wherever those are active, and evaluates them on the thread pool, never on Orleans' scheduler. Pulling
/// is why every core of every silo stays busy and a silo that joins takes work at its first claim: no
/// placement decides where items run. They start when the silo is active and, when it shuts down
/// (SIGTERM), stop claiming and finish the items in hand before grains are deactivated.
/// </summary>
internal sealed class EvaluationWorkerPool(
    IServiceProvider services, ILocalSiloDetails silo, IOptions<WorkerOptions> options, ILogger<EvaluationWorkerPool> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopClaiming = new();
    private readonly List<Task> _workers = [];

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(EvaluationWorkerPool), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    public void Dispose() => _stopClaiming.Dispose();

    private Task StartAsync(CancellationToken cancellationToken)
    {
        for (int i = 0; i < options.Value.Workers; i++)
        {
            var worker = ActivatorUtilities.CreateInstance<EvaluationWorker>(services, i);
            _workers.Add(Task.Run(() => worker.RunAsync(_stopClaiming.Token), CancellationToken.None));
        }

        WorkerLog.Started(logger, options.Value.Workers, silo.SiloAddress);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopClaiming.CancelAsync();
        try
        {
            await Task.WhenAll(_workers).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout passed: the items still in hand are redone elsewhere.
        }

        WorkerLog.Stopped(logger, silo.SiloAddress);
    }
}
