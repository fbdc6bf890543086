using System.Collections.Concurrent;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Engine.Indicators;

/// <summary>
/// Indicators of one series, each computed once per (indicator, parameters) and shared by every
/// parameter set and thread that asks for it. Past the memory budget the least recently used
/// entries are dropped (arrays already handed out stay valid; they are only recomputed if asked again).
/// </summary>
public sealed class IndicatorCache
{
    /// <summary>Enough for a few hundred indicator arrays over a million bars.</summary>
    public const long DefaultBudgetBytes = 2L << 30;

    private readonly ConcurrentDictionary<IndicatorKey, Entry> _entries = new();
    private readonly long _budgetBytes;
    private readonly Lazy<PrefixSums> _closeSums;
    private long _bytes;
    private long _clock;
    private long _hits;
    private long _misses;

    public IndicatorCache(BarSeries bars, long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 0);
        Bars = bars;
        _budgetBytes = budgetBytes;
        _closeSums = new Lazy<PrefixSums>(() => new PrefixSums(bars.Close), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public BarSeries Bars { get; }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Running sums of the closes, shared by every simple moving average and never evicted.</summary>
    public PrefixSums CloseSums => _closeSums.Value;

    public double[] Sma(int period) => Single(new IndicatorKey("sma", period), () => Indicators.Sma.Compute(CloseSums, period));

    public double[] Ema(int period) => Single(new IndicatorKey("ema", period), () => Indicators.Ema.Compute(Bars.Close, period));

    public double[] Wma(int period) => Single(new IndicatorKey("wma", period), () => Indicators.Wma.Compute(Bars.Close, period));

    public double[] Rsi(int period) => Single(new IndicatorKey("rsi", period), () => Indicators.Rsi.Compute(Bars.Close, period));

    public double[] Atr(int period) =>
        Single(new IndicatorKey("atr", period), () => Indicators.Atr.Compute(Bars.High, Bars.Low, Bars.Close, period));

    public double[] StandardDeviation(int period) =>
        Single(new IndicatorKey("stddev", period), () => RollingStandardDeviation.Compute(Bars.Close, period));

    public double[] ZScore(int period) => Single(new IndicatorKey("zscore", period), () => Indicators.ZScore.Compute(Bars.Close, period));

    public BollingerBands Bollinger(int period, double width) =>
        Get(new IndicatorKey("bollinger", period, Width: width), () => Indicators.BollingerBands.Compute(Bars.Close, period, width), arrays: 3);

    public Macd Macd(int fast, int slow, int signal) =>
        Get(new IndicatorKey("macd", fast, slow, signal), () => Indicators.Macd.Compute(Bars.Close, fast, slow, signal), arrays: 3);

    public DonchianChannel Donchian(int period) =>
        Get(new IndicatorKey("donchian", period), () => DonchianChannel.Compute(Bars.High, Bars.Low, period), arrays: 2);

    private double[] Single(IndicatorKey key, Func<double[]> compute) => Get(key, compute, arrays: 1);

    private T Get<T>(IndicatorKey key, Func<T> compute, int arrays)
        where T : class
    {
        long now = Interlocked.Increment(ref _clock);
        if (_entries.TryGetValue(key, out var existing))
        {
            Interlocked.Increment(ref _hits);
            existing.LastUse = now;
            return (T)existing.Value.Value;
        }

        // The size is known before the entry is shared, so that whoever removes it subtracts
        // exactly what its creator adds, even when an eviction removes it mid-computation.
        var created = new Entry(new Lazy<object>(compute, LazyThreadSafetyMode.ExecutionAndPublication), now, (long)arrays * Bars.Count * sizeof(double));
        var entry = _entries.GetOrAdd(key, created);
        if (!ReferenceEquals(entry, created))
        {
            Interlocked.Increment(ref _hits);
            return (T)entry.Value.Value;
        }

        Interlocked.Increment(ref _misses);
        Interlocked.Add(ref _bytes, entry.Bytes);
        var value = (T)entry.Value.Value;
        if (Interlocked.Read(ref _bytes) > _budgetBytes)
        {
            Evict(keep: key);
        }

        return value;
    }

    private void Evict(IndicatorKey keep)
    {
        lock (_entries)
        {
            // A snapshot: LINQ over the live dictionary copies it with Count then CopyTo, which
            // throws when another thread adds an entry in between.
            foreach (var (key, entry) in _entries.ToArray().OrderBy(e => e.Value.LastUse))
            {
                if (Interlocked.Read(ref _bytes) <= _budgetBytes)
                {
                    return;
                }

                if (!key.Equals(keep) && _entries.TryRemove(key, out _))
                {
                    Interlocked.Add(ref _bytes, -entry.Bytes);
                }
            }
        }
    }

    private readonly record struct IndicatorKey(string Name, int A, int B = 0, int C = 0, double Width = 0);

    private sealed class Entry(Lazy<object> value, long lastUse, long bytes)
    {
        public Lazy<object> Value { get; } = value;

        public long LastUse { get; set; } = lastUse;

        public long Bytes { get; } = bytes;
    }
}
