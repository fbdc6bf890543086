using System.Diagnostics;
using Npgsql;
using Orleans.Runtime;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// Waiting on a condition instead of sleeping: reads every 50 ms until the condition holds, and fails
/// with what it waited for, the last value read and the silos' logs when it does not within the time
/// given. A database error, or a grain call that fails while a silo is dying or the database is down,
/// counts as "not yet" and is reported if the wait fails.
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string> diagnostics) =>
        UntilAsync(condition, holds => holds, timeout, what, diagnostics);

    /// <summary>Reads until <paramref name="done"/> holds for the value read; returns that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what, Func<string> diagnostics)
    {
        var clock = Stopwatch.StartNew();
        string last = "nothing read yet";
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value))
                {
                    return value;
                }

                last = $"last read: {value}";
            }
            catch (Exception e) when (e is NpgsqlException or OrleansException or TimeoutException)
            {
                last = $"last read failed: {e.Message}";
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}; {last}.\nSilo logs:\n{diagnostics()}");
            }

            await Task.Delay(Interval);
        }
    }
}
