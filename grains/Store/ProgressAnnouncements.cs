namespace QuantCluster.Grains.Store;

/// <summary>Waiting on a progress subscription with a poll interval as the bound: how the owner and the client both listen.</summary>
internal static class ProgressAnnouncements
{
    /// <summary>
    /// Waits until the subscription announces a job (any job, or <paramref name="jobId"/> when given) or
    /// <paramref name="interval"/> passes, whichever is first, and takes every announcement waiting.
    /// True when one was announced.
    /// </summary>
    /// <exception cref="ClusterStoreException">The subscription's connection was lost.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static async Task<bool> WaitAsync(
        IJobProgressSubscription subscription, Guid? jobId, TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(interval, clock);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            while (await subscription.Jobs.WaitToReadAsync(bound.Token))
            {
                bool announced = false;
                while (subscription.Jobs.TryRead(out var announcedJob))
                {
                    announced |= jobId is null || announcedJob == jobId;
                }

                if (announced)
                {
                    return true;
                }
            }

            // The subscription ended quietly: the interval still bounds the wait.
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed.
        }

        return false;
    }
}
