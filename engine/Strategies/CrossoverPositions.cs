using System.Runtime.Intrinsics;

namespace QuantCluster.Engine.Strategies;

/// <summary>
/// Position +1 where fast &gt; slow, and -1 (long/short) or 0 (long-only) where fast &lt; slow;
/// flat where they are equal or either is undefined (NaN). Shared by every crossover strategy,
/// vectorised because a sweep evaluates it once per parameter set over every bar.
/// </summary>
internal static class CrossoverPositions
{
    // Four comparison bits to four position bytes, little-endian.
    private static readonly uint[] Above = BuildTable(0x01);
    private static readonly uint[] Below = BuildTable(0xFF);

    public static void Fill(ReadOnlySpan<double> fast, ReadOnlySpan<double> slow, Direction direction, Span<sbyte> positions)
    {
        int n = positions.Length;
        uint shortMask = direction == Direction.LongShort ? uint.MaxValue : 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(positions);
            for (; i <= n - 4; i += 4)
            {
                var f = Vector256.Create(fast.Slice(i, 4));
                var s = Vector256.Create(slow.Slice(i, 4));
                uint above = Above[Vector256.GreaterThan(f, s).ExtractMostSignificantBits()];
                uint below = Below[Vector256.LessThan(f, s).ExtractMostSignificantBits()] & shortMask;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(i, 4), above | below);
            }
        }

        for (; i < n; i++)
        {
            positions[i] = fast[i] > slow[i] ? (sbyte)1 : fast[i] < slow[i] && shortMask != 0 ? (sbyte)-1 : (sbyte)0;
        }
    }

    private static uint[] BuildTable(uint value)
    {
        var table = new uint[16];
        for (int mask = 0; mask < 16; mask++)
        {
            for (int lane = 0; lane < 4; lane++)
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
