using System.Diagnostics;
using System.Globalization;
using QuantCluster.Contracts.Jobs;
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
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static async Task<JobSnapshot> FollowAsync(
        JobClient client, Guid jobId, SweepDefinition sweep, TimeSpan interval, bool quiet, CancellationToken cancellationToken = default)
    {
        if (quiet)
        {
            return await client.WaitAsync(jobId, interval, cancellationToken);
        }

        var rate = new RateMeter();
        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            JobSnapshot? last = null;
            var printed = Stopwatch.StartNew();
            await foreach (var snapshot in client.WatchAsync(jobId, interval, cancellationToken))
            {
                rate.Add(snapshot);
                last = snapshot;
                if (printed.Elapsed >= PlainInterval && !snapshot.IsFinal)
                {
                    Console.Error.WriteLine($"{snapshot.Fraction * 100:F1}%  {Describe(snapshot, rate, sweep.Objective.Metric)}");
                    printed.Restart();
                }
            }

            return last!;
        }

        JobSnapshot final = null!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: 1);
                await foreach (var snapshot in client.WatchAsync(jobId, interval, cancellationToken))
                {
                    rate.Add(snapshot);
                    task.Value = snapshot.Fraction;
                    task.Description = Markup.Escape(Describe(snapshot, rate, sweep.Objective.Metric));
                    final = snapshot;
                }
            });
        return final;
    }

    private static string Describe(JobSnapshot snapshot, RateMeter rate, string metric)
    {
        if (snapshot.TotalItems == 0)
        {
            return snapshot.IsFinal ? snapshot.Status.ToString().ToLowerInvariant() : "starting";
        }

        var parts = new List<string>
        {
            $"{Count(snapshot.Evaluated)} of ~{Count(snapshot.ExpectedSets)} sets",
            $"{Count((long)rate.EvaluationsPerSecond)}/s",
        };
        if (rate.Remaining(snapshot) is { } remaining && !snapshot.IsFinal)
        {
            parts.Add($"ETA {remaining:hh\\:mm\\:ss}");
        }

        if (snapshot.Best.Count > 0)
        {
            parts.Add($"best {metric} {MetricFormat.Format(metric, snapshot.Best[0].Metrics.Get(metric))}");
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
        private double _fractionPerSecond;

        public double EvaluationsPerSecond { get; private set; }

        public void Add(JobSnapshot snapshot)
        {
            var now = _clock.Elapsed;
            _window.Enqueue((now, snapshot.Evaluated, snapshot.Fraction));
            while (_window.Count > 2 && now - _window.Peek().At > TimeSpan.FromSeconds(5))
            {
                _window.Dequeue();
            }

            var first = _window.Peek();
            double seconds = (now - first.At).TotalSeconds;
            if (seconds > 0.2)
            {
                EvaluationsPerSecond = Math.Max(0, (snapshot.Evaluated - first.Evaluations) / seconds);
                _fractionPerSecond = Math.Max(0, (snapshot.Fraction - first.Fraction) / seconds);
            }
        }

        public TimeSpan? Remaining(JobSnapshot snapshot) =>
            _fractionPerSecond > 0 ? TimeSpan.FromSeconds(Math.Min((1 - snapshot.Fraction) / _fractionPerSecond, 359_999)) : null;
    }
}
