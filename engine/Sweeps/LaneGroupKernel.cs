using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using QuantCluster.Contracts;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Metrics;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// Backtests eight parameter sets at once over one series, keeping metrics only. Each set is a
/// lane of two Vector256&lt;double&gt;; between fills a lane's return is its weight times the
/// close-to-close return, so a bar costs a handful of fused multiply-adds. Drawdown is tracked as
/// q = equity / running peak, updated as min(1, q (1 + r)), which needs no division. Fill bars
/// take the vector form of <see cref="FillBar"/>, inlined so the loop makes no calls. One kernel
/// per thread: it owns its buffers and is not thread-safe.
/// </summary>
internal sealed class LaneGroupKernel
{
    public const int Lanes = LanePacking.Lanes;

    private readonly SeriesReturns _series;
    private readonly sbyte[][] _positions;
    private readonly ulong[] _packed;
    private readonly FillLosses _fillLosses = new(Lanes);
    private readonly TakenLosses _taken = new();
    private ulong[] _fillChanges = new ulong[1024];
    private double[] _fillReturns = new double[1024 * Lanes];
    private readonly ReturnStatistics[] _statistics = new ReturnStatistics[Lanes];
    private readonly int[] _zeroReturns = new int[Lanes];
    private double[]? _replay;

    public LaneGroupKernel(SeriesReturns series)
    {
        _series = series;
        int n = series.Bars.Count;
        _positions = new sbyte[Lanes][];
        for (int lane = 0; lane < Lanes; lane++)
        {
            _positions[lane] = new sbyte[n];
        }

        // Two leading empty words: the decision "before" bars 0 and 1, so both fill modes index without bounds checks.
        _packed = new ulong[n + 2];
    }

    /// <summary>Evaluates up to eight parameter sets; a short group repeats its last set in the spare lanes.</summary>
    public void Evaluate(
        IndicatorCache indicators, Strategy strategy, ReadOnlySpan<ParameterValues> sets, BacktestSettings settings, double periodsPerYear,
        Span<Contracts.Metrics> output)
    {
        if (sets.Length is 0 or > Lanes)
        {
            throw new ArgumentOutOfRangeException(nameof(sets), $"A lane group takes 1 to {Lanes} parameter sets.");
        }

        int n = _series.Bars.Count;
        Span<ParameterValues> lanes = new ParameterValues[Lanes];
        for (int lane = 0; lane < Lanes; lane++)
        {
            lanes[lane] = sets[Math.Min(lane, sets.Length - 1)];
        }

        strategy.ComputePackedPositions(indicators, lanes, _positions, _packed.AsSpan(2, n));
        Simulate(settings);
        int offset = settings.Fill == FillMode.Close ? 1 : 0;
        int replay = new TailWalk(_series, _packed, offset, settings.PositionFraction, _fillLosses, _zeroReturns, _taken).Run(_statistics);
        for (int lane = 0; lane < Lanes; lane++)
        {
            if ((replay & (1 << lane)) != 0)
            {
                ReplayTail(lane, settings);
            }
        }

        long span = n > 1 ? _series.Bars.Timestamps[n - 1] - _series.Bars.Timestamps[0] : 0;
        for (int lane = 0; lane < sets.Length; lane++)
        {
            output[lane] = MetricsCalculator.Calculate(_statistics[lane], periodsPerYear, span);
        }
    }

    private void Simulate(BacktestSettings settings)
    {
        var bars = _series.Bars;
        int n = bars.Count;
        var open = bars.Open;
        var close = bars.Close;
        var market = _series.CloseToClose;
        var packed = _packed;
        bool atClose = settings.Fill == FillMode.Close;
        double fraction = settings.PositionFraction, commission = settings.CommissionBps / 10_000;
        var slippage = new SlippageFactors(settings.SlippageBps / 10_000);

        // packed[t + offset] is the decision held into bar t, packed[t + offset + 1] the one held at its close.
        int offset = atClose ? 1 : 0;
        int fills = 0;
        var one = Vector256<double>.One;
        var zero = Vector256<double>.Zero;
        var low = default(TradeAccumulators);
        var high = default(TradeAccumulators);
        Vector256<double> wLow = zero, wHigh = zero, eLow = one, eHigh = one, qLow = one, qHigh = one, minQLow = one, minQHigh = one;
        Vector256<double> ulcerLow = zero, ulcerHigh = zero, sumLow = zero, sumHigh = zero, squaresLow = zero, squaresHigh = zero;
        Vector256<double> downLow = zero, downHigh = zero, exposedLow = zero, exposedHigh = zero, zerosLow = zero, zerosHigh = zero;

        for (int t = 0; t < n; t++)
        {
            var move = Vector256.Create(market[t]);
            var rLow = wLow * move;
            var rHigh = wHigh * move;
            ulong held = packed[t + offset], next = packed[t + offset + 1];
            if (held != next)
            {
                double reference = atClose ? close[t] : open[t];
                double previousClose = t == 0 ? reference : close[t - 1];
                var oldLow = fraction * Weights(held, 0);
                var oldHigh = fraction * Weights(held, 4);
                var newLow = fraction * Weights(next, 0);
                var newHigh = fraction * Weights(next, 4);
                var changedLow = ~Vector256.Equals(oldLow, newLow);
                var changedHigh = ~Vector256.Equals(oldHigh, newHigh);
                double opening = reference / previousClose, closing = close[t] / reference;
                var fillLow = FillBar.Return(oldLow, newLow, opening, closing, commission, in slippage, out var exitLow);
                var fillHigh = FillBar.Return(oldHigh, newHigh, opening, closing, commission, in slippage, out var exitHigh);
                low.Fill(changedLow, oldLow, eLow, exitLow);
                high.Fill(changedHigh, oldHigh, eHigh, exitHigh);
                rLow = Vector256.ConditionalSelect(changedLow, fillLow, rLow);
                rHigh = Vector256.ConditionalSelect(changedHigh, fillHigh, rHigh);
                wLow = newLow;
                wHigh = newHigh;
                if (t > 0)
                {
                    // Two stores, no call: a call here would spill every live vector register.
                    if (fills == _fillChanges.Length)
                    {
                        GrowFillEvents();
                    }

                    _fillChanges[fills] = held ^ next;
                    rLow.StoreUnsafe(ref _fillReturns[fills * Lanes]);
                    rHigh.StoreUnsafe(ref _fillReturns[fills * Lanes + 4]);
                    fills++;
                }
            }

            eLow = Vector256.FusedMultiplyAdd(eLow, rLow, eLow);
            eHigh = Vector256.FusedMultiplyAdd(eHigh, rHigh, eHigh);
            qLow = Vector256.Min(one, Vector256.FusedMultiplyAdd(qLow, rLow, qLow));
            qHigh = Vector256.Min(one, Vector256.FusedMultiplyAdd(qHigh, rHigh, qHigh));
            minQLow = Vector256.Min(minQLow, qLow);
            minQHigh = Vector256.Min(minQHigh, qHigh);
            var dLow = one - qLow;
            var dHigh = one - qHigh;
            ulcerLow = Vector256.FusedMultiplyAdd(dLow, dLow, ulcerLow);
            ulcerHigh = Vector256.FusedMultiplyAdd(dHigh, dHigh, ulcerHigh);
            exposedLow += ~Vector256.Equals(wLow, zero) & one;
            exposedHigh += ~Vector256.Equals(wHigh, zero) & one;
            if (t == 0)
            {
                // r_0 moves equity but stays out of the return statistics.
                continue;
            }

            sumLow += rLow;
            sumHigh += rHigh;
            squaresLow = Vector256.FusedMultiplyAdd(rLow, rLow, squaresLow);
            squaresHigh = Vector256.FusedMultiplyAdd(rHigh, rHigh, squaresHigh);
            var lossLow = Vector256.Min(rLow, zero);
            var lossHigh = Vector256.Min(rHigh, zero);
            downLow = Vector256.FusedMultiplyAdd(lossLow, lossLow, downLow);
            downHigh = Vector256.FusedMultiplyAdd(lossHigh, lossHigh, downHigh);
            zerosLow += Vector256.Equals(rLow, zero) & one;
            zerosHigh += Vector256.Equals(rHigh, zero) & one;
        }

        _fillLosses.Clear();
        for (int i = 0; i < fills; i++)
        {
            _fillLosses.Add(_fillChanges[i], Vector256.Create<double>(_fillReturns.AsSpan(i * Lanes, 4)), Vector256.Create<double>(_fillReturns.AsSpan(i * Lanes + 4, 4)));
        }

        for (int lane = 0; lane < Lanes; lane++)
        {
            ref var side = ref lane < 4 ? ref low : ref high;
            int i = lane & 3;
            _zeroReturns[lane] = (int)Element(zerosLow, zerosHigh, lane);
            _statistics[lane] = new ReturnStatistics
            {
                Bars = n,
                Sum = Element(sumLow, sumHigh, lane),
                SumOfSquares = Element(squaresLow, squaresHigh, lane),
                DownsideSumOfSquares = Element(downLow, downHigh, lane),
                FinalEquity = Element(eLow, eHigh, lane),
                MaxDrawdown = 1 - Element(minQLow, minQHigh, lane),
                DrawdownSumOfSquares = Element(ulcerLow, ulcerHigh, lane),
                ExposedBars = (int)Element(exposedLow, exposedHigh, lane),
                Fills = (int)side.Fills.GetElement(i),
                Trades = (int)side.Trades.GetElement(i),
                WinningTrades = (int)side.WinningTrades.GetElement(i),
                GrossProfit = side.GrossProfit.GetElement(i),
                GrossLoss = side.GrossLoss.GetElement(i),
                SumOfTradeReturns = side.SumOfTradeReturns.GetElement(i),
            };
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowFillEvents()
    {
        Array.Resize(ref _fillChanges, _fillChanges.Length * 2);
        Array.Resize(ref _fillReturns, _fillReturns.Length * 2);
    }

    /// <summary>Four lanes' positions from a packed word, as doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Weights(ulong word, int firstLane) => Vector256.Create(
        (double)LanePacking.Lane(word, firstLane),
        LanePacking.Lane(word, firstLane + 1),
        LanePacking.Lane(word, firstLane + 2),
        LanePacking.Lane(word, firstLane + 3));

    private static double Element(Vector256<double> low, Vector256<double> high, int lane) =>
        lane < 4 ? low.GetElement(lane) : high.GetElement(lane - 4);

    /// <summary>
    /// A lane whose 5% tail reaches past zero into gains (a set that almost never loses): rebuild
    /// its returns and sort them. Rare, so simplicity wins over speed here.
    /// </summary>
    private void ReplayTail(int lane, BacktestSettings settings)
    {
        var bars = _series.Bars;
        int n = bars.Count;
        _replay ??= new double[n];
        bool atClose = settings.Fill == FillMode.Close;
        int offset = atClose ? 1 : 0;
        double commission = settings.CommissionBps / 10_000, slippage = settings.SlippageBps / 10_000;
        for (int t = 1; t < n; t++)
        {
            double oldWeight = settings.PositionFraction * LanePacking.Lane(_packed[t + offset], lane);
            double newWeight = settings.PositionFraction * LanePacking.Lane(_packed[t + offset + 1], lane);
            double reference = atClose ? bars.Close[t] : bars.Open[t];
            _replay[t - 1] = oldWeight == newWeight
                ? oldWeight * _series.CloseToClose[t]
                : FillBar.Return(oldWeight, newWeight, bars.Close[t - 1], reference, bars.Close[t], commission, slippage, out _, out _);
        }

        var returns = _replay.AsSpan(0, n - 1);
        returns.Sort();
        int k = _series.TailCount;
        double sum = 0;
        foreach (double r in returns[..k])
        {
            sum += r;
        }

        _statistics[lane].Var95 = -returns[k - 1] + 0.0;
        _statistics[lane].Cvar95 = -sum / k + 0.0;
    }
}
