using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Tests.Support;

/// <summary>Random inputs for the property tests: valid bars, position streams, strategies with valid parameters.</summary>
internal static class Generators
{
    /// <summary>
    /// 200 cases from a fixed seed, so that a failure reproduces; set QC_FSCHECK_SEED and
    /// QC_FSCHECK_RUNS to explore other seeds and more cases.
    /// </summary>
    public static Config Config()
    {
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("QC_FSCHECK_SEED"), out ulong s) ? s : 20_240_101;
        int runs = int.TryParse(Environment.GetEnvironmentVariable("QC_FSCHECK_RUNS"), out int r) && r > 0 ? r : 200;
        return FsCheck.Config.QuickThrowOnFailure
            .WithMaxTest(runs)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
    }

    /// <summary>
    /// A random walk with gaps and wicks: positive prices, low &lt;= open, close &lt;= high, moves of up
    /// to ±8% a bar and, now and then, unchanged closes (flat stretches reach the edge cases).
    /// </summary>
    public static Gen<BarSeries> Bars(int minCount, int maxCount) =>
        from n in Gen.Choose(minCount, maxCount)
        from start in Gen.Choose(100, 100_000)
        from moves in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(-800, 800))), n)
        from gaps in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(-200, 200))), n)
        from wicks in Gen.ArrayOf(Gen.Choose(0, 300), 2 * n)
        select Build(start / 100.0, moves, gaps, wicks);

    public static BarSeries Build(double start, int[] moves, int[] gaps, int[] wicks)
    {
        int n = moves.Length;
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n];
        double previous = start;
        for (int t = 0; t < n; t++)
        {
            open[t] = t == 0 ? start : previous * (1 + (gaps[t] / 10_000.0));
            close[t] = moves[t] == 0 ? previous : open[t] * (1 + (moves[t] / 10_000.0));
            high[t] = Math.Max(open[t], close[t]) * (1 + (wicks[2 * t] / 10_000.0));
            low[t] = Math.Min(open[t], close[t]) * (1 - (wicks[(2 * t) + 1] / 10_000.0));
            previous = close[t];
        }

        return new BarSeries("RANDOM", TestBars.Timestamps(n, TestBars.MicrosecondsPerDay), open, high, low, close, new double[n]);
    }

    public static Gen<sbyte[]> Positions(int count) => Gen.ArrayOf(Gen.Elements<sbyte>(-1, 0, 1), count);

    /// <summary>Commission or slippage in bps, zero a fifth of the time.</summary>
    public static Gen<double> Bps(int max) => Gen.Frequency((1, Gen.Constant(0.0)), (4, Gen.Choose(1, max * 10).Select(x => x / 10.0)));

    /// <summary>
    /// Valid parameters of a strategy: integers from their minimum up to at most maxPeriod (so that
    /// indicators warm up inside short random series), reals anywhere in range, constraints kept.
    /// </summary>
    public static Gen<StrategyCase> Strategy(Strategy strategy, int maxPeriod, Direction? direction = null) =>
        Gen.CollectToArray(strategy.Parameters.Select(p => p.Kind switch
            {
                ParameterKind.Integer => Gen.Choose((int)p.Min, (int)Math.Min(p.Max, maxPeriod)).Select(x => (double)x),
                ParameterKind.Real => Gen.Choose(0, 1000).Select(k => p.Min + ((p.Max - p.Min) * k / 1000)),
                _ when p.Name == Engine.Strategies.Strategy.DirectionParameter && direction is { } d => Gen.Constant((double)d),
                _ => Gen.Choose(0, p.Choices.Count - 1).Select(x => (double)x),
            }))
            .Where(values => strategy.CheckConstraints(new ParameterValues(strategy.Parameters, values)) is null)
            .Select(values => new StrategyCase(strategy, values));

    public static Gen<Continuation> Continuation() =>
        from append in Gen.Elements(true, false)
        from cut in Gen.Choose(0, 999)
        from bars in Bars(1, 40)
        select new Continuation(append, cut, bars);

    /// <summary>All six strategies, each with its own random valid parameters.</summary>
    public static Gen<StrategyCase[]> EveryStrategy(int maxPeriod, Direction? direction = null) =>
        Gen.CollectToArray(StrategyCatalog.All.Select(s => Strategy(s, maxPeriod, direction)));
}

/// <summary>A strategy with valid parameter values, printed readably when a property fails.</summary>
internal sealed record StrategyCase(Strategy Strategy, double[] Values)
{
    public ParameterValues Parameters => Strategy.Validate(Values);

    public sbyte[] Positions(BarSeries bars)
    {
        var positions = new sbyte[bars.Count];
        Strategy.ComputePositions(new IndicatorCache(bars), Parameters, positions);
        return positions;
    }

    public override string ToString() =>
        $"{Strategy.Name}({string.Join(", ", Parameters.Named().Select(p => $"{p.Key}={p.Value}"))})";
}

/// <summary>
/// How a series changes after a bar t: Append adds bars after the last one (t = the last bar);
/// otherwise the bars after t are replaced. The new bars are a random walk of their own, scaled
/// to start from bar t's close so that they stay realistic.
/// </summary>
internal sealed record Continuation(bool Append, int CutPermille, BarSeries NewBars)
{
    public (int T, BarSeries Changed) Apply(BarSeries bars)
    {
        int t = Append ? bars.Count - 1 : Math.Min(bars.Count - 1, CutPermille * bars.Count / 1000);
        double scale = bars.Close[t] / NewBars.Open[0];
        int n = t + 1 + NewBars.Count;
        double[] Join(double[] kept, double[] added, double factor) =>
            kept.AsSpan(0, t + 1).ToArray().Concat(added.Select(x => x * factor)).ToArray();
        return (t, new BarSeries(
            bars.Symbol,
            TestBars.Timestamps(n, TestBars.MicrosecondsPerDay),
            Join(bars.Open, NewBars.Open, scale),
            Join(bars.High, NewBars.High, scale),
            Join(bars.Low, NewBars.Low, scale),
            Join(bars.Close, NewBars.Close, scale),
            Join(bars.Volume, NewBars.Volume, 1)));
    }

    public string Describe(BarSeries bars) =>
        Append ? $"(appending {NewBars.Count} bars to {bars.Count})" : $"(replacing the bars after the cut with {NewBars.Count} others, of {bars.Count})";

    public override string ToString() => $"Continuation(append: {Append}, cut: {CutPermille}/1000, {NewBars.Count} new bars)";
}
