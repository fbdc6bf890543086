using System.Collections.Concurrent;
using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Metrics;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// Backtests many parameter sets of one strategy over one series and keeps metrics only: the
/// inner loop of every sweep. The series' returns and indicators are computed once and shared by
/// every set and thread. Results equal <see cref="BacktestSimulator"/>'s to rounding.
/// </summary>
public sealed class SweepEvaluator
{
    private readonly SeriesReturns _series;
    private readonly double _periodsPerYear;

    /// <summary>
    /// Kernels of earlier calls, reused: a kernel holds a few arrays as long as the series, and a
    /// cluster worker calls once per batch, so allocating them each time churns the large-object heap.
    /// </summary>
    private readonly ConcurrentBag<LaneGroupKernel> _kernels = [];

    public SweepEvaluator(BarSeries bars, BacktestSettings settings, IndicatorCache? indicators = null)
    {
        settings.Validate();
        Settings = settings;
        Indicators = indicators ?? new IndicatorCache(bars);
        if (!ReferenceEquals(Indicators.Bars, bars))
        {
            throw new ArgumentException("The indicator cache belongs to another series.", nameof(indicators));
        }

        _series = new SeriesReturns(bars);
        _periodsPerYear = settings.PeriodsPerYear ?? Metrics.PeriodsPerYear.Infer(bars.Timestamps);
    }

    public BacktestSettings Settings { get; }

    /// <summary>Whether the kernel uses AVX-512 registers; tests turn it off to check the AVX2 form too.</summary>
    internal bool WideVectors { get; init; } = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;

    public IndicatorCache Indicators { get; }

    public BarSeries Bars => _series.Bars;

    public double PeriodsPerYear => _periodsPerYear;

    /// <summary>Metrics of every set, in order, using up to <paramref name="threads"/> threads.</summary>
    /// <param name="progress">Told the number of sets finished so far, after every lane group.</param>
    public Contracts.Metrics[] Evaluate(
        Strategy strategy, IReadOnlyList<ParameterValues> sets, int threads = 1, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var results = new Contracts.Metrics[sets.Count];
        var all = sets as ParameterValues[] ?? sets.ToArray();
        if (Bars.Count < 2)
        {
            for (int i = 0; i < all.Length; i++)
            {
                results[i] = BacktestSimulator.Run(Bars, strategy, all[i], Settings).Metrics;
            }

            return results;
        }

        int groups = (all.Length + LaneGroupKernel.Lanes - 1) / LaneGroupKernel.Lanes;
        int next = -1, finished = 0;
        void Work()
        {
            var kernel = _kernels.TryTake(out var idle) ? idle : new LaneGroupKernel(_series, WideVectors);
            try
            {
                int group;
                while ((group = Interlocked.Increment(ref next)) < groups)
                {
                    cancellation.ThrowIfCancellationRequested();
                    int start = group * LaneGroupKernel.Lanes;
                    int count = Math.Min(LaneGroupKernel.Lanes, all.Length - start);
                    kernel.Evaluate(Indicators, strategy, all.AsSpan(start, count), Settings, _periodsPerYear, results.AsSpan(start, count));
                    progress?.Report(Interlocked.Add(ref finished, count));
                }
            }
            finally
            {
                _kernels.Add(kernel);
            }
        }

        int workers = Math.Min(threads, groups);
        if (workers <= 1)
        {
            Work();
        }
        else
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Work());
        }

        return results;
    }
}
