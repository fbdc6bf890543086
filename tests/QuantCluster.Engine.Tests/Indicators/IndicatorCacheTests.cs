using System.Collections.Concurrent;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Tests.Support;

namespace QuantCluster.Engine.Tests.Indicators;

public sealed class IndicatorCacheTests
{
    private static BarSeries Bars => MarketData.Goog;

    private static long OneArray => Bars.Count * (long)sizeof(double);

    /// <summary>A dozen indicators of every shape, each with what computing it directly gives.</summary>
    private static readonly (string Name, Func<IndicatorCache, double[][]> Get, Func<double[][]> Direct)[] Requests =
    [
        ("sma 5", c => [c.Sma(5)], () => [Sma.Compute(Bars.Close, 5)]),
        ("sma 20", c => [c.Sma(20)], () => [Sma.Compute(Bars.Close, 20)]),
        ("ema 20", c => [c.Ema(20)], () => [Ema.Compute(Bars.Close, 20)]),
        ("wma 14", c => [c.Wma(14)], () => [Wma.Compute(Bars.Close, 14)]),
        ("rsi 14", c => [c.Rsi(14)], () => [Rsi.Compute(Bars.Close, 14)]),
        ("atr 14", c => [c.Atr(14)], () => [Atr.Compute(Bars.High, Bars.Low, Bars.Close, 14)]),
        ("stddev 20", c => [c.StandardDeviation(20)], () => [RollingStandardDeviation.Compute(Bars.Close, 20)]),
        ("zscore 20", c => [c.ZScore(20)], () => [ZScore.Compute(Bars.Close, 20)]),
        ("bollinger 20 2", c => Arrays(c.Bollinger(20, 2)), () => Arrays(BollingerBands.Compute(Bars.Close, 20, 2))),
        ("bollinger 20 2.5", c => Arrays(c.Bollinger(20, 2.5)), () => Arrays(BollingerBands.Compute(Bars.Close, 20, 2.5))),
        ("macd 12 26 9", c => Arrays(c.Macd(12, 26, 9)), () => Arrays(Macd.Compute(Bars.Close, 12, 26, 9))),
        ("donchian 20", c => Arrays(c.Donchian(20)), () => Arrays(DonchianChannel.Compute(Bars.High, Bars.Low, 20))),
    ];

    [Fact]
    public void An_indicator_is_computed_once_and_then_shared()
    {
        var cache = new IndicatorCache(Bars);

        var first = cache.Sma(20);
        var second = cache.Sma(20);

        Assert.Same(first, second);
        Assert.Equal(1, cache.Misses);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(OneArray, cache.Bytes);
    }

    [Fact]
    public void Every_indicator_and_parameter_set_is_its_own_entry_with_the_directly_computed_values()
    {
        var cache = new IndicatorCache(Bars);

        foreach (var (name, get, direct) in Requests)
        {
            Assert.True(Same(direct(), get(cache)), name);
        }

        Assert.Equal(Requests.Length, cache.Misses);
        Assert.Equal(0, cache.Hits);

        // Bollinger bands and MACD hold three arrays, the Donchian channel two, the rest one.
        Assert.Equal((8 + (3 * 3) + 2) * OneArray, cache.Bytes);
        Assert.Same(cache.Bollinger(20, 2.5), cache.Bollinger(20, 2.5));
        Assert.NotSame(cache.Sma(20), cache.Ema(20));
        Assert.Equal(Requests.Length, cache.Misses);
    }

    [Fact]
    public void Past_a_budget_of_one_array_the_least_recently_used_entry_is_dropped_and_recomputed_on_demand()
    {
        var cache = new IndicatorCache(Bars, budgetBytes: OneArray);

        var sma5 = cache.Sma(5);
        var sma20 = cache.Sma(20);
        Assert.Equal(OneArray, cache.Bytes);

        var sma5Again = cache.Sma(5);

        Assert.Equal(3, cache.Misses);
        Assert.Equal(0, cache.Hits);
        Assert.NotSame(sma5, sma5Again);
        Assert.Equal(Sma.Compute(Bars.Close, 5), sma5Again);
        Assert.Equal(Sma.Compute(Bars.Close, 5), sma5); // an array handed out stays valid
        Assert.Equal(Sma.Compute(Bars.Close, 20), sma20);
        Assert.True(cache.Bytes <= OneArray);
    }

    [Fact]
    public void The_most_recently_used_entries_survive_an_eviction()
    {
        var cache = new IndicatorCache(Bars, budgetBytes: 2 * OneArray);

        var a = cache.Sma(5);
        _ = cache.Sma(10);
        Assert.Same(a, cache.Sma(5)); // a is now more recent than Sma(10)
        _ = cache.Sma(20);            // over budget: Sma(10) goes

        Assert.Same(a, cache.Sma(5));
        long misses = cache.Misses;
        _ = cache.Sma(10);
        Assert.Equal(misses + 1, cache.Misses);
    }

    [Fact]
    public void A_zero_budget_still_returns_correct_arrays_for_everything()
    {
        var cache = new IndicatorCache(Bars, budgetBytes: 0);

        for (int round = 0; round < 2; round++)
        {
            foreach (var (name, get, direct) in Requests)
            {
                Assert.True(Same(direct(), get(cache)), name);
            }
        }
    }

    [Fact]
    public void Many_threads_asking_at_once_get_the_same_array_computed_once()
    {
        var cache = new IndicatorCache(Bars);
        var seen = new ConcurrentDictionary<string, ConcurrentBag<double[][]>>();
        const int Threads = 32, RoundsPerThread = 20;

        RunTogether(Threads, thread =>
        {
            var random = new Random(thread);
            for (int round = 0; round < RoundsPerThread; round++)
            {
                var (name, get, _) = Requests[random.Next(Requests.Length)];
                seen.GetOrAdd(name, _ => []).Add(get(cache));
            }
        });

        int total = Threads * RoundsPerThread;
        Assert.Equal(seen.Count, cache.Misses);
        Assert.Equal(total - seen.Count, cache.Hits);
        foreach (var (name, results) in seen)
        {
            var first = results.First();
            Assert.All(results, r => Assert.True(r.Zip(first).All(pair => ReferenceEquals(pair.First, pair.Second)), name));
            Assert.True(Same(Requests.Single(q => q.Name == name).Direct(), first), name);
        }
    }

    [Fact]
    public void Many_threads_with_a_tiny_budget_always_get_correct_values()
    {
        var cache = new IndicatorCache(Bars, budgetBytes: 3 * OneArray);
        var expected = Requests.ToDictionary(r => r.Name, r => r.Direct());
        var wrong = new ConcurrentBag<string>();
        RunTogether(16, thread =>
        {
            var random = new Random(1000 + thread);
            for (int round = 0; round < 40; round++)
            {
                var (name, get, _) = Requests[random.Next(Requests.Length)];
                if (!Same(expected[name], get(cache)))
                {
                    wrong.Add(name);
                }
            }
        });

        Assert.Empty(wrong);

        // Every call evicts down to the budget (the largest entry holds three arrays, so it fits):
        // once all threads are done, the cache holds no more than its budget.
        Assert.InRange(cache.Bytes, 0, 3 * OneArray);
    }

    /// <summary>Dedicated threads released at once (thread-pool threads would trickle in).</summary>
    private static void RunTogether(int count, Action<int> body)
    {
        using var start = new Barrier(count);
        var errors = new ConcurrentBag<Exception>();
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                body(i);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors.Add(e);
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (!errors.IsEmpty)
        {
            throw new AggregateException(errors);
        }
    }

    private static double[][] Arrays(BollingerBands b) => [b.Middle, b.Upper, b.Lower];

    private static double[][] Arrays(Macd m) => [m.Line, m.Signal, m.Histogram];

    private static double[][] Arrays(DonchianChannel d) => [d.Upper, d.Lower];

    /// <summary>Bit for bit, NaN warm-ups included.</summary>
    private static bool Same(double[][] expected, double[][] actual) =>
        expected.Length == actual.Length && expected.Zip(actual).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second));
}
