using QuantCluster.Contracts;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Metrics;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;
using QuantCluster.Engine.Sweeps.Lanes;

namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// Backtests eight parameter sets at once over one series, keeping metrics only. Each set is a
/// lane of an eight-wide vector (<see cref="ILanes{TSelf}"/>: one AVX-512 register or two AVX2
/// ones); between fills a lane's return is its weight times the close-to-close return, so a bar
/// costs a handful of fused multiply-adds. Drawdown is tracked as
/// q = equity / running peak, updated as min(1, q (1 + r)), which needs no division. Minima are
/// the native instruction (MinNative): no lane is ever NaN (bars are validated) and the sign of a
/// zero does not matter here, and the IEEE-exact form costs several instructions each. Fill bars
/// take the vector form of <see cref="FillBar"/>, inlined so the loop makes no calls. One kernel
/// per thread: it owns its buffers and is not thread-safe.
/// </summary>
internal sealed class LaneGroupKernel
{
    public const int Lanes = LanePacking.Lanes;

    private readonly SeriesReturns _series;
    private readonly bool _wideVectors;
    private readonly sbyte[][] _positions;
    private readonly ulong[] _packed;
    private readonly FillLosses _fillLosses = new(Lanes);
    private readonly TakenLosses _taken = new();
    private ulong[] _fillChanges = new ulong[1024];
    private double[] _fillReturns = new double[1024 * Lanes];
    private readonly ReturnStatistics[] _statistics = new ReturnStatistics[Lanes];
    private readonly int[] _zeroReturns = new int[Lanes];

    /// <param name="wideVectors">One AVX-512 register per quantity rather than two AVX2 ones.</param>
    public LaneGroupKernel(SeriesReturns series, bool wideVectors)
    {
        _series = series;
        _wideVectors = wideVectors;
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

        for (int lane = 0; lane < sets.Length; lane++)
        {
            output[lane] = MetricsCalculator.Calculate(_statistics[lane], periodsPerYear, _series.Bars.Duration);
        }
    }

    private void Simulate(BacktestSettings settings)
    {
        if (_wideVectors)
        {
            Simulate<Lanes512>(settings);
        }
        else
        {
            Simulate<Lanes256>(settings);
        }
    }

    private void Simulate<TLanes>(BacktestSettings settings)
        where TLanes : struct, ILanes<TLanes>
    {
        var bars = _series.Bars;
        int n = bars.Count;
        var open = bars.Open;
        var close = bars.Close;
        var market = _series.CloseToClose;
        var packed = _packed;
        bool atClose = settings.Fill == FillMode.Close;
        double fraction = settings.PositionFraction, commission = settings.CommissionBps / 10_000;
        var slippage = new SlippageFactors<TLanes>(settings.SlippageBps / 10_000);

        // packed[t + offset] is the decision held into bar t, packed[t + offset + 1] the one held at its close.
        int offset = atClose ? 1 : 0;
        EnsureFillCapacity(packed.AsSpan(offset, n + 1));
        int fills = 0;
        var one = TLanes.One;
        var zero = TLanes.Zero;
        var trades = default(TradeAccumulators<TLanes>);
        TLanes weight = zero, equity = one, q = one, minQ = one, ulcer = zero, sum = zero, squares = zero, down = zero, exposed = zero, zeros = zero;

        for (int t = 0; t < n; t++)
        {
            var r = weight * TLanes.Create(market[t]);
            ulong held = packed[t + offset], next = packed[t + offset + 1];
            if (held != next)
            {
                double reference = atClose ? close[t] : open[t];
                double previousClose = t == 0 ? reference : close[t - 1];
                var oldWeight = TLanes.FromPacked(held, fraction);
                var newWeight = TLanes.FromPacked(next, fraction);
                var changed = ~TLanes.Equal(oldWeight, newWeight);
                var fill = FillBar.Return(oldWeight, newWeight, reference / previousClose, close[t] / reference, commission, in slippage, out var exit);
                trades.Fill(changed, oldWeight, equity, exit);
                r = TLanes.Select(changed, fill, r);
                weight = newWeight;
                if (t > 0)
                {
                    // Stores, no call: every vector register is caller-saved, so a call anywhere in
                    // this loop would keep the accumulators in memory instead of registers.
                    _fillChanges[fills] = held ^ next;
                    TLanes.Store(r, _fillReturns.AsSpan(fills * Lanes, Lanes));
                    fills++;
                }
            }

            equity = TLanes.MultiplyAdd(equity, r, equity);
            q = TLanes.Min(one, TLanes.MultiplyAdd(q, r, q));
            minQ = TLanes.Min(minQ, q);
            var drawdown = one - q;
            ulcer = TLanes.MultiplyAdd(drawdown, drawdown, ulcer);
            exposed += ~TLanes.Equal(weight, zero) & one;
            if (t == 0)
            {
                // r_0 moves equity but stays out of the return statistics.
                continue;
            }

            sum += r;
            squares = TLanes.MultiplyAdd(r, r, squares);
            var loss = TLanes.Min(r, zero);
            down = TLanes.MultiplyAdd(loss, loss, down);
            zeros += TLanes.Equal(r, zero) & one;

            // The bars up to the next fill change no position: nothing but accumulation. Fresh
            // locals, live only here, let the register allocator keep them out of memory; the
            // state above, live across the fill code, is written back after every update.
            if (t + 1 < n && packed[t + 1 + offset] == packed[t + 2 + offset])
            {
                TLanes e = equity, qq = q, mq = minQ, u = ulcer, s1 = sum, s2 = squares, d2 = down, x = exposed, z = zeros;
                var inMarket = ~TLanes.Equal(weight, zero) & one;
                do
                {
                    t++;
                    var move = weight * TLanes.Create(market[t]);
                    e = TLanes.MultiplyAdd(e, move, e);
                    qq = TLanes.Min(one, TLanes.MultiplyAdd(qq, move, qq));
                    mq = TLanes.Min(mq, qq);
                    var dd = one - qq;
                    u = TLanes.MultiplyAdd(dd, dd, u);
                    x += inMarket;
                    s1 += move;
                    s2 = TLanes.MultiplyAdd(move, move, s2);
                    var l = TLanes.Min(move, zero);
                    d2 = TLanes.MultiplyAdd(l, l, d2);
                    z += TLanes.Equal(move, zero) & one;
                }
                while (t + 1 < n && packed[t + 1 + offset] == packed[t + 2 + offset]);

                (equity, q, minQ, ulcer, sum, squares, down, exposed, zeros) = (e, qq, mq, u, s1, s2, d2, x, z);
            }
        }

        _fillLosses.Clear();
        for (int i = 0; i < fills; i++)
        {
            _fillLosses.Add(_fillChanges[i], _fillReturns.AsSpan(i * Lanes, Lanes));
        }

        for (int lane = 0; lane < Lanes; lane++)
        {
            _zeroReturns[lane] = (int)TLanes.Element(zeros, lane);
            _statistics[lane] = new ReturnStatistics
            {
                Bars = n,
                Sum = TLanes.Element(sum, lane),
                SumOfSquares = TLanes.Element(squares, lane),
                DownsideSumOfSquares = TLanes.Element(down, lane),
                FinalEquity = TLanes.Element(equity, lane),
                MaxDrawdown = 1 - TLanes.Element(minQ, lane),
                DrawdownSumOfSquares = TLanes.Element(ulcer, lane),
                ExposedBars = (int)TLanes.Element(exposed, lane),
                Fills = (int)TLanes.Element(trades.Fills, lane),
                Trades = (int)TLanes.Element(trades.Trades, lane),
                WinningTrades = (int)TLanes.Element(trades.WinningTrades, lane),
                GrossProfit = TLanes.Element(trades.GrossProfit, lane),
                GrossLoss = TLanes.Element(trades.GrossLoss, lane),
                SumOfTradeReturns = TLanes.Element(trades.SumOfTradeReturns, lane),
            };
        }
    }

    /// <summary>Room for one event per bar on which any lane's position changes, counted beforehand.</summary>
    private void EnsureFillCapacity(ReadOnlySpan<ulong> decisions)
    {
        int changes = 0;
        for (int i = 1; i < decisions.Length; i++)
        {
            changes += decisions[i] != decisions[i - 1] ? 1 : 0;
        }

        if (changes > _fillChanges.Length)
        {
            _fillChanges = new ulong[changes];
            _fillReturns = new double[changes * Lanes];
        }
    }

    /// <summary>
    /// A lane whose 5% tail reaches past zero into gains (a set that almost never loses): the
    /// single backtest of its positions gives the tail. Rare, so simplicity wins over speed here.
    /// </summary>
    private void ReplayTail(int lane, BacktestSettings settings)
    {
        var decisions = new sbyte[_series.Bars.Count];
        for (int t = 0; t < decisions.Length; t++)
        {
            decisions[t] = LanePacking.Lane(_packed[t + 2], lane);
        }

        var metrics = BacktestSimulator.Run(_series.Bars, decisions, settings).Metrics;
        _statistics[lane].Var95 = metrics.Var95;
        _statistics[lane].Cvar95 = metrics.Cvar95;
    }
}
