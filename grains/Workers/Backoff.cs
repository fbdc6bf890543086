namespace QuantCluster.Grains.Workers;

/// <summary>
/// Waits between retries while a database or a silo cannot be reached: doubling from 100 ms up to a ceiling,
/// with jitter so silos that lost the database together do not return in lockstep.
/// </summary>
public sealed class Backoff(TimeSpan ceiling, TimeProvider clock)
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);

    private TimeSpan _next = First;

    public void Reset() => _next = First;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = _next * (0.75 + Random.Shared.NextDouble() * 0.5);
        _next = TimeSpan.FromTicks(Math.Min(ceiling.Ticks, _next.Ticks * 2));
        await Task.Delay(wait, clock, cancellationToken);
    }
}
