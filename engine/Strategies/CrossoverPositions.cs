using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuantCluster.Engine.Strategies;

/// <summary>
/// Position +1 where fast &gt; slow, and -1 (long/short) or 0 (long-only) where fast &lt; slow;
/// flat where they are equal or either is undefined (NaN). Shared by every crossover strategy,
/// vectorised because a sweep evaluates it once per parameter set over every bar: a comparison
/// gives one bit per bar, and a table turns eight bits into eight position bytes.
/// </summary>
/// <remarks>
/// Prices are quoted in decimals, and two averages that are exactly equal in decimal come out a
/// unit in the last place apart in binary, in either direction. So lines within
/// <see cref="TieTolerance"/> of each other (relative) are equal: flat, not a coin toss of rounding.
/// </remarks>
internal static class CrossoverPositions
{
    /// <summary>Far below any real price difference (a 1e-6 tick on a price of 1e5 is 1e-11), far above rounding.</summary>
    public const double TieTolerance = 1e-12;

    private static readonly ulong[] Above = BuildTable(0x01);
    private static readonly ulong[] Below = BuildTable(0xFF);

    public static void Fill(ReadOnlySpan<double> fast, ReadOnlySpan<double> slow, Direction direction, Span<sbyte> positions)
    {
        int n = positions.Length;
        ulong shortMask = direction == Direction.LongShort ? ulong.MaxValue : 0;
        var bytes = MemoryMarshal.AsBytes(positions);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 8; i += 8)
            {
                var f = Vector512.Create(fast.Slice(i, 8));
                var s = Vector512.Create(slow.Slice(i, 8));
                var gap = f - s;
                var tie = Vector512.Max(Vector512.Abs(f), Vector512.Abs(s)) * TieTolerance;
                ulong above = Above[(int)Vector512.GreaterThan(gap, tie).ExtractMostSignificantBits()];
                ulong below = Below[(int)Vector512.LessThan(gap, -tie).ExtractMostSignificantBits()] & shortMask;
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(i, 8), above | below);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 4; i += 4)
            {
                var f = Vector256.Create(fast.Slice(i, 4));
                var s = Vector256.Create(slow.Slice(i, 4));
                var gap = f - s;
                var tie = Vector256.Max(Vector256.Abs(f), Vector256.Abs(s)) * TieTolerance;
                ulong above = Above[(int)Vector256.GreaterThan(gap, tie).ExtractMostSignificantBits()];
                ulong below = Below[(int)Vector256.LessThan(gap, -tie).ExtractMostSignificantBits()] & shortMask;
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(i, 4), (uint)(above | below));
            }
        }

        for (; i < n; i++)
        {
            double gap = fast[i] - slow[i], tie = Math.Max(Math.Abs(fast[i]), Math.Abs(slow[i])) * TieTolerance;
            positions[i] = gap > tie ? (sbyte)1 : gap < -tie && shortMask != 0 ? (sbyte)-1 : (sbyte)0;
        }
    }

    /// <summary>Eight comparison bits to eight position bytes, little-endian.</summary>
    private static ulong[] BuildTable(ulong value)
    {
        var table = new ulong[256];
        for (int mask = 0; mask < 256; mask++)
        {
            for (int lane = 0; lane < 8; lane++)
            {
                if ((mask & (1 << lane)) != 0)
                {
                    table[mask] |= value << (lane * 8);
                }
            }
        }

        return table;
    }
}
