using QuantCluster.Contracts;
using QuantCluster.Data;
using QuantCluster.Data.Parquet;
using QuantCluster.Data.Postgres;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Sweeps;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Symbols;

/// <summary>
/// The Symbol grain's activation on this silo: a read-only cache of bar series, each loaded once
/// (from the PostgreSQL bar store, a CSV or Parquet file, or generated) however many workers ask at
/// once, with the indicators computed on it and an evaluator per backtest settings. Series are
/// dropped least recently used first when bars and indicators together pass the memory budget.
/// Thread-safe.
/// </summary>
public sealed class SymbolCache
{
    /// <summary>Default budget: bars and indicators of the series a silo keeps.</summary>
    public const long DefaultBudgetBytes = 4L << 30;

    private const int BytesPerBar = 6 * sizeof(double);

    private readonly PostgresBarStore? _barStore;
    private readonly long _budgetBytes;
    private readonly Lock _gate = new();
    private readonly Dictionary<JobDataSource, Entry> _entries = [];
    private long _clock;

    /// <param name="barStore">Where bars without a file or generator come from; null when this silo has no database.</param>
    public SymbolCache(PostgresBarStore? barStore, long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 1);
        _barStore = barStore;
        _budgetBytes = budgetBytes;
    }

    /// <summary>The bar store bars without a file or generator come from; null when this silo has no database.</summary>
    public PostgresBarStore? BarStore => _barStore;

    /// <summary>An evaluator over the source's bars with these settings, loading the bars on first use.</summary>
    /// <exception cref="BarSourceException">The bars cannot be had: no such file or series, or bad data. Retrying will not help.</exception>
    /// <exception cref="IOException">The bar store could not be reached; retrying later may help.</exception>
    public async Task<SweepEvaluator> EvaluatorAsync(JobDataSource source, BacktestSettings settings, CancellationToken cancellationToken = default)
    {
        Entry entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(source, out var cached))
            {
                entry = cached;
                ClusterTelemetry.CacheHits.Add(1);
            }
            else
            {
                entry = new Entry(LoadAsync(source, cancellationToken));
                _entries.Add(source, entry);
                ClusterTelemetry.CacheMisses.Add(1);
            }

            entry.LastUse = ++_clock;
        }

        IndicatorCache indicators;
        try
        {
            indicators = await entry.Indicators.WaitAsync(cancellationToken);
        }
        catch
        {
            lock (_gate)
            {
                // A failed load is not cached: the next caller tries again.
                if (_entries.TryGetValue(source, out var current) && current == entry)
                {
                    _entries.Remove(source);
                }
            }

            throw;
        }

        SweepEvaluator evaluator;
        lock (_gate)
        {
            if (!entry.Evaluators.TryGetValue(settings, out evaluator!))
            {
                evaluator = new SweepEvaluator(indicators.Bars, settings, indicators);
                entry.Evaluators.Add(settings, evaluator);
            }

            EvictOverBudget(source);
        }

        return evaluator;
    }

    private async Task<IndicatorCache> LoadAsync(JobDataSource source, CancellationToken cancellationToken)
    {
        await Task.Yield();
        BarSeries bars;
        if (source.GeneratedBars > 0)
        {
            bars = RandomWalkBars.Generate(source.GeneratedBars, new Random(source.GeneratedSeed), source.Symbol);
        }
        else if (source.Path is { } path)
        {
            try
            {
                bars = BarFiles.Read(path, string.IsNullOrEmpty(source.Symbol) ? null : source.Symbol);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or BarDataException or ParquetFormatException)
            {
                throw new BarSourceException($"The bars of {source.Describe()} cannot be read: {e.Message}", e);
            }
        }
        else
        {
            if (_barStore is null)
            {
                throw new BarSourceException($"{source.Describe()} is in the PostgreSQL bar store, and this cluster has no database; give a file instead.");
            }

            bars = await _barStore.ReadAsync(source.Symbol, source.Timeframe, source.From, source.To, cancellationToken);
        }

        bars = Cut(bars, source);
        if (bars.Count < 2)
        {
            throw new BarSourceException($"{source.Describe()} has {bars.Count} bar(s) to backtest on; a sweep needs at least 2.");
        }

        return new IndicatorCache(bars, Math.Max(_budgetBytes / 2, 1));
    }

    private static BarSeries Cut(BarSeries bars, JobDataSource source)
    {
        if (source.From is null && source.To is null)
        {
            return bars;
        }

        long from = source.From is { } f ? UtcMicroseconds.FromDateTime(f) : long.MinValue;
        long to = source.To is { } t ? UtcMicroseconds.FromDateTime(t) : long.MaxValue;
        int start = LowerBound(bars.Timestamps, from);
        int end = LowerBound(bars.Timestamps, to == long.MaxValue ? to : to + 1);
        return bars.Slice(start, Math.Max(0, end - start));
    }

    private static int LowerBound(long[] sorted, long value)
    {
        int index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }

    private void EvictOverBudget(JobDataSource keep)
    {
        long used = _entries.Values.Sum(e => e.Bytes);
        foreach (var (source, entry) in _entries.Where(e => !e.Key.Equals(keep)).OrderBy(e => e.Value.LastUse).ToArray())
        {
            if (used <= _budgetBytes)
            {
                break;
            }

            used -= entry.Bytes;
            _entries.Remove(source);
        }
    }

    private sealed class Entry(Task<IndicatorCache> indicators)
    {
        public Task<IndicatorCache> Indicators { get; } = indicators;

        public Dictionary<BacktestSettings, SweepEvaluator> Evaluators { get; } = [];

        public long LastUse { get; set; }

        public long Bytes => Indicators.IsCompletedSuccessfully
            ? (long)Indicators.Result.Bars.Count * BytesPerBar + Indicators.Result.Bytes
            : 0;
    }
}
