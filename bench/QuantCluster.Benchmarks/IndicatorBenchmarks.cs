using BenchmarkDotNet.Attributes;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Indicators;

namespace QuantCluster.Benchmarks;

/// <summary>Each indicator over a million bars: the one-time cost a sweep pays per (indicator, parameters).</summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private BarSeries _bars = null!;
    private PrefixSums _sums = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bars = RandomWalkBars.Generate(1_000_000, new Random(42));
        _sums = new PrefixSums(_bars.Close);
    }

    [Benchmark]
    public PrefixSums PrefixSums() => new(_bars.Close);

    [Benchmark]
    public double[] SmaFromSharedSums() => Sma.Compute(_sums, 50);

    [Benchmark]
    public double[] Ema() => Engine.Indicators.Ema.Compute(_bars.Close, 50);

    [Benchmark]
    public double[] Wma() => Engine.Indicators.Wma.Compute(_bars.Close, 20);

    [Benchmark]
    public double[] Rsi() => Engine.Indicators.Rsi.Compute(_bars.Close, 14);

    [Benchmark]
    public double[] Atr() => Engine.Indicators.Atr.Compute(_bars.High, _bars.Low, _bars.Close, 14);

    [Benchmark]
    public BollingerBands Bollinger() => BollingerBands.Compute(_bars.Close, 20, 2);

    [Benchmark]
    public Macd Macd() => Engine.Indicators.Macd.Compute(_bars.Close, 12, 26, 9);

    [Benchmark]
    public DonchianChannel Donchian() => DonchianChannel.Compute(_bars.High, _bars.Low, 20);
}
