using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using QuantCluster.Engine.Sweeps;

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
/// <see cref="TieTolerance"/> of each other (relative to the slow line) are equal: flat, not a
/// coin toss of rounding.
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
                ulong eight = Compare(Vector512.Create(fast.Slice(i, 8)), Vector512.Create(slow.Slice(i, 8)), shortMask);
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(i, 8), eight);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 4; i += 4)
            {
                var f = Vector256.Create(fast.Slice(i, 4));
                var s = Vector256.Create(slow.Slice(i, 4));
                var gap = f - s;
                var tie = Vector256.Abs(s) * TieTolerance;
                ulong above = Above[(int)Vector256.GreaterThan(gap, tie).ExtractMostSignificantBits()];
                ulong below = Below[(int)Vector256.LessThan(gap, -tie).ExtractMostSignificantBits()] & shortMask;
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(i, 4), (uint)(above | below));
            }
        }

        for (; i < n; i++)
        {
            positions[i] = Position(fast[i], slow[i], shortMask != 0);
        }
    }

    /// <summary>
    /// Eight sets at once into interleaved words (byte i of packed[t] = set i at bar t). Blocks of
    /// bars are compared set by set (a line shared by several sets stays in L1), then transposed.
    /// </summary>
    public static void FillPacked(double[][] fast, double[][] slow, Direction[] directions, Span<ulong> packed)
    {
        const int Lanes = LanePacking.Lanes, Block = 512, Words = Block / 8;
        int n = packed.Length;
        if (fast.Length != Lanes || slow.Length != Lanes || directions.Length != Lanes)
        {
            throw new ArgumentException($"A packed fill takes exactly {Lanes} sets.", nameof(fast));
        }

        Span<ulong> rows = stackalloc ulong[Lanes * Words];
        Span<ulong> column = stackalloc ulong[Lanes];
        Span<ulong> bars = stackalloc ulong[Lanes];
        Span<sbyte> bytes = stackalloc sbyte[Block];
        for (int start = 0; start < n; start += Block)
        {
            int length = Math.Min(Block, n - start), words = (length + 7) >> 3;
            var block = bytes[..(words * 8)];
            block[length..].Clear();
            for (int lane = 0; lane < Lanes; lane++)
            {
                // Eight bars of a set make one row word.
                Fill(fast[lane].AsSpan(start, length), slow[lane].AsSpan(start, length), directions[lane], block[..length]);
                MemoryMarshal.Cast<sbyte, ulong>(block).CopyTo(rows.Slice(lane * Words, words));
            }

            for (int word = 0; word < words; word++)
            {
                for (int lane = 0; lane < Lanes; lane++)
                {
                    column[lane] = rows[lane * Words + word];
                }

                LanePacking.Transpose(column, bars);
                int count = Math.Min(8, length - word * 8);
                bars[..count].CopyTo(packed.Slice(start + word * 8, count));
            }
        }
    }

    /// <summary>One bar's position by the rule above.</summary>
    public static sbyte Position(double fast, double slow, bool shorts)
    {
        double gap = fast - slow, tie = Math.Abs(slow) * TieTolerance;
        return gap > tie ? (sbyte)1 : gap < -tie && shorts ? (sbyte)-1 : (sbyte)0;
    }

    /// <summary>Eight bars' positions as eight bytes (bar j in byte j), by the rule above.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Compare(Vector512<double> fast, Vector512<double> slow, ulong shortMask)
    {
        var gap = fast - slow;
        var tie = Vector512.Abs(slow) * TieTolerance;
        return Above[(int)Vector512.GreaterThan(gap, tie).ExtractMostSignificantBits()]
            | (Below[(int)Vector512.LessThan(gap, -tie).ExtractMostSignificantBits()] & shortMask);
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
