using System.Diagnostics;
using System.Globalization;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Jobs;
using Spectre.Console;

namespace QuantCluster.Client.Output;

/// <summary>
/// Follows a job to its end: a live bar with evaluations per second, the time left and the best so
/// far on a terminal; a line every few seconds on stderr when the output is redirected; nothing when quiet.
/// </summary>
internal static class JobProgressView
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static async Task<JobProgress> FollowAsync(
        ClusterClient client, Guid jobId, SweepDefinition sweep, bool quiet, CancellationToken cancellationToken = default)
    {
        if (quiet)
        {
            return await client.WaitAsync(jobId, Interval, cancellationToken);
        }

        var rate = new RateMeter();
        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            JobProgress? last = null;
            var printed = Stopwatch.StartNew();
            await foreach (var progress in client.WatchAsync(jobId, Interval, cancellationToken))
            {
                rate.Add(progress);
                last = progress;
                if (printed.Elapsed >= PlainInterval && !progress.IsFinal)
                {
                    Console.Error.WriteLine($"{progress.Fraction * 100:F1}%  {Describe(progress, rate, sweep.Objective.Metric)}");
                    printed.Restart();
                }
            }

            return last!;
        }

        JobProgress final = null!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: 1);
                await foreach (var progress in client.WatchAsync(jobId, Interval, cancellationToken))
                {
                    rate.Add(progress);
                    task.Value = progress.Fraction;
                    task.Description = Markup.Escape(Describe(progress, rate, sweep.Objective.Metric));
                    final = progress;
                }
            });
        return final;
    }

    private static string Describe(JobProgress progress, RateMeter rate, string metric)
    {
        if (progress.State is null)
        {
            return progress.IsFinal ? progress.Job.Status.ToString().ToLowerInvariant() : "waiting for a silo to start the job";
        }

        var parts = new List<string>
        {
            $"{Count(progress.Evaluations)} of ~{Count((long)(progress.State.Plan.TotalItems * (double)progress.State.Plan.SetsPerItem))} sets",
            $"{Count((long)rate.EvaluationsPerSecond)}/s",
        };
        if (rate.Remaining(progress) is { } remaining && !progress.IsFinal)
        {
            parts.Add($"ETA {remaining:hh\\:mm\\:ss}");
        }

        if (progress.Best is { } best)
        {
            parts.Add($"best {metric} {MetricFormat.Format(metric, best.Metrics.Get(metric))}");
        }

        return string.Join("  ", parts);
    }

    private static string Count(long value) => value switch
    {
        >= 10_000_000 => (value / 1e6).ToString("0", CultureInfo.InvariantCulture) + "M",
        >= 1_000_000 => (value / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1e3).ToString("0", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Evaluations per second and the time left, over the last few seconds of progress.</summary>
    private sealed class RateMeter
    {
        private readonly Queue<(TimeSpan At, long Evaluations, double Fraction)> _window = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public double EvaluationsPerSecond { get; private set; }

        private double _fractionPerSecond;

        public void Add(JobProgress progress)
        {
            var now = _clock.Elapsed;
            _window.Enqueue((now, progress.Evaluations, progress.Fraction));
            while (_window.Count > 2 && now - _window.Peek().At > TimeSpan.FromSeconds(5))
            {
                _window.Dequeue();
            }

            var first = _window.Peek();
            double seconds = (now - first.At).TotalSeconds;
            if (seconds > 0.2)
            {
                EvaluationsPerSecond = Math.Max(0, (progress.Evaluations - first.Evaluations) / seconds);
                _fractionPerSecond = Math.Max(0, (progress.Fraction - first.Fraction) / seconds);
            }
        }

        public TimeSpan? Remaining(JobProgress progress) =>
            _fractionPerSecond > 0 ? TimeSpan.FromSeconds(Math.Min((1 - progress.Fraction) / _fractionPerSecond, 359_999)) : null;
    }
}
