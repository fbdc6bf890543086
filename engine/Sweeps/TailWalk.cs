using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using QuantCluster.Engine.Metrics;

namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// The 5% tail (value at risk and expected shortfall) of eight lanes' returns, without sorting
/// them. Off its fill bars a lane's loss at bar t is -|ret[t]| when it held the side that loses
/// there, so one walk up the series' sorted losses finds, for every lane at once, its k smallest
/// non-fill returns. Those bound the tail from above: the lane's own fill-bar losses below the
/// bound are then merged in, taking the largest values back off the top until k remain. Zero
/// returns follow all losses; a tail that reaches into gains is left to the caller.
/// </summary>
internal readonly ref struct TailWalk
{
    private const ulong LowBits = 0x7F7F7F7F7F7F7F7FUL;
    private const ulong LongSide = 0x0101010101010101UL;
    private const ulong ShortSide = 0xFFFFFFFFFFFFFFFFUL;
    private const int PrefetchDistance = 16;

    private readonly SeriesReturns _series;
    private readonly ulong[] _packed;
    private readonly int _offset;
    private readonly double _fraction;
    private readonly FillLosses _fillLosses;
    private readonly int[] _zeroReturns;
    private readonly TakenLosses _taken;

    public TailWalk(SeriesReturns series, ulong[] packed, int offset, double fraction, FillLosses fillLosses, int[] zeroReturns, TakenLosses taken)
    {
        _series = series;
        _packed = packed;
        _offset = offset;
        _fraction = fraction;
        _fillLosses = fillLosses;
        _zeroReturns = zeroReturns;
        _taken = taken;
    }

    /// <summary>Writes Var95 and Cvar95 of the lanes it can; returns a bit per lane whose tail reaches into gains.</summary>
    public int Run(ReturnStatistics[] statistics)
    {
        int k = _series.TailCount;
        if (k == 0)
        {
            return 0;
        }

        Span<int> count = stackalloc int[LaneGroupKernel.Lanes];
        Span<double> sum = stackalloc double[LaneGroupKernel.Lanes];
        WalkUp(k, count, sum);

        int replay = 0;
        for (int lane = 0; lane < LaneGroupKernel.Lanes; lane++)
        {
            if (!MergeFillLosses(lane, k, count[lane], sum[lane], ref statistics[lane]))
            {
                replay |= 1 << lane;
            }
        }

        return replay;
    }

    /// <summary>
    /// Takes each lane's non-fill losses from the smallest up until it has k or the stream ends,
    /// counting and summing all eight lanes at once under a mask, and records who took what.
    /// </summary>
    private unsafe void WalkUp(int k, Span<int> counts, Span<double> sums)
    {
        var values = _series.LossValues;
        var codes = _series.LossCodes;
        var laneBits = Vector256.Create(1, 2, 4, 8, 16, 32, 64, 128);
        var lowBits = Vector256.Create(1L, 2, 4, 8);
        var highBits = Vector256.Create(16L, 32, 64, 128);
        var full = Vector256.Create(k);
        var count = Vector256<int>.Zero;
        var sumLow = Vector256<double>.Zero;
        var sumHigh = Vector256<double>.Zero;
        ulong active = 0x8080808080808080UL;
        _taken.Clear();
        fixed (ulong* packed = _packed)
        {
            for (int i = 0; i < values.Length && active != 0; i++)
            {
                // Consecutive losses sit at scattered bars: fetch ahead of use.
                if (Sse.IsSupported && i + PrefetchDistance < codes.Length)
                {
                    Sse.Prefetch0(packed + (codes[i + PrefetchDistance] >> 1) + _offset);
                }

                ulong takes = Takers(packed, codes[i]) & active;
                if (takes == 0)
                {
                    continue;
                }

                // One bit per lane: gather the 0x80 of each byte into a byte.
                int takers = (int)(((takes >> 7) * 0x0102040810204080UL) >> 56);
                _taken.Add(i, (byte)takers);
                var loss = Vector256.Create(_fraction * values[i]);
                count -= Vector256.Equals(Vector256.Create(takers) & laneBits, laneBits);
                sumLow += loss & Vector256.Equals(Vector256.Create((long)takers) & lowBits, lowBits).AsDouble();
                sumHigh += loss & Vector256.Equals(Vector256.Create((long)takers) & highBits, highBits).AsDouble();
                if (Vector256.EqualsAny(count, full))
                {
                    // Lanes at k stop taking: their count stays at k, and their last taken loss is their bound.
                    uint done = Vector256.Equals(count, full).ExtractMostSignificantBits();
                    for (int lane = 0; lane < LaneGroupKernel.Lanes; lane++)
                    {
                        if ((done & (1u << lane)) != 0)
                        {
                            active &= ~(0x80UL << (lane * 8));
                        }
                    }
                }
            }
        }

        count.CopyTo(counts);
        sumLow.CopyTo(sums);
        sumHigh.CopyTo(sums[4..]);
    }

    /// <summary>
    /// Merges the lane's fill-bar losses into its walked losses: the tail is the k smallest of both.
    /// Returns false when even every loss and zero together are fewer than k.
    /// </summary>
    private bool MergeFillLosses(int lane, int k, int walked, double walkedSum, ref ReturnStatistics statistics)
    {
        int top = _taken.Previous(lane, _taken.Count - 1);

        // With k walked losses, nothing above the k-th can be in the tail; with fewer, every loss can.
        double bound = walked == k ? Loss(top) : 0;
        var fills = _fillLosses.Of(lane);
        int m = 0;
        double fillSum = 0;
        foreach (double loss in fills)
        {
            if (loss <= bound)
            {
                fills[m++] = loss;
                fillSum += loss;
            }
        }

        if (walked + m < k)
        {
            if (walked + m + _zeroReturns[lane] < k)
            {
                return false;
            }

            Finish(ref statistics, 0, walkedSum + fillSum, k);
            return true;
        }

        // k + surplus candidates: drop the surplus largest, from the top of the walked losses
        // (read back from the record) or of the fill losses (a heap: only the dropped need order).
        var heap = new MaxHeap(fills[..m]);
        double sum = walkedSum + fillSum;
        for (int surplus = walked + m - k; surplus > 0; surplus--)
        {
            if (top >= 0 && (heap.Count == 0 || Loss(top) >= heap.Max))
            {
                sum -= Loss(top);
                top = _taken.Previous(lane, top - 1);
            }
            else
            {
                sum -= heap.Pop();
            }
        }

        double walkedTop = top >= 0 ? Loss(top) : double.NegativeInfinity;
        Finish(ref statistics, Math.Max(walkedTop, heap.Count > 0 ? heap.Max : double.NegativeInfinity), sum, k);
        return true;
    }

    private double Loss(int takenPosition) => _fraction * _series.LossValues[_taken.Entry(takenPosition)];

    /// <summary>0x80 in the byte of every lane that takes this loss: it held the losing side at that bar and did not fill there.</summary>
    private unsafe ulong Takers(ulong* packed, int code)
    {
        int t = code >> 1;
        ulong side = (code & 1) == 0 ? LongSide : ShortSide;
        ulong held = packed[t + _offset];
        return ZeroBytes((held ^ side) | (held ^ packed[t + _offset + 1]));
    }

    /// <summary>A 0x80 in every byte of x that is zero, exactly (no borrow between bytes).</summary>
    private static ulong ZeroBytes(ulong x) => ~(((x & LowBits) + LowBits) | x | LowBits);

    private static void Finish(ref ReturnStatistics statistics, double kth, double sum, int k)
    {
        // Adding 0.0 turns -0.0 into 0.0, so a zero tail prints as 0.
        statistics.Var95 = -kth + 0.0;
        statistics.Cvar95 = -sum / k + 0.0;
    }
}
