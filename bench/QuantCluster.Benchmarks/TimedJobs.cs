using System.Diagnostics;
using QuantCluster.Contracts;
using QuantCluster.Grains.Clients;

namespace QuantCluster.Benchmarks;

/// <summary>How the harnesses time a job on a cluster: from the submit to the client seeing the end.</summary>
internal static class TimedJobs
{
    /// <summary>
    /// Submits the job once to warm the silos (bars, JIT), then times <paramref name="runs"/> more and returns
    /// the median in seconds (so the bars' loading on the job's silo, cached after the warm-up, is not counted).
    /// </summary>
    public static async Task<double> MedianSecondsAsync(JobClient client, JobSpec spec, int runs = 3)
    {
        var seconds = new List<double>();
        for (int run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var job = await client.SubmitAsync(spec);
            var final = await client.WaitAsync(job.JobId, TimeSpan.FromMilliseconds(20));
            if (final.Status != JobStatus.Completed)
            {
                throw new InvalidOperationException($"The benchmark job ended {final.Status}: {final.Error}");
            }

            if (run > 0)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
        }

        return seconds.Order().ElementAt(seconds.Count / 2);
    }
}
