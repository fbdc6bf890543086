using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// Interleaves the positions of eight parameter sets into one ulong per bar (byte i = set i), so
/// that the kernel detects a fill in any of the eight with one comparison and the tail walk
/// reads all eight positions at a bar with one load.
/// </summary>
internal static class LanePacking
{
    public static void Pack(sbyte[][] lanes, int bars, Span<ulong> packed)
    {
        int t = 0;
        if (Sse2.IsSupported)
        {
            for (; t <= bars - 8; t += 8)
            {
                Transpose8x8(lanes, t, packed.Slice(t, 8));
            }
        }

        for (; t < bars; t++)
        {
            ulong word = 0;
            for (int lane = 0; lane < 8; lane++)
            {
                word |= (ulong)(byte)lanes[lane][t] << (lane * 8);
            }

            packed[t] = word;
        }
    }

    public static sbyte Lane(ulong word, int lane) => (sbyte)(word >> (lane * 8));

    /// <summary>Eight bars of eight lanes: three rounds of unpacking turn rows (sets) into columns (bars).</summary>
    private static void Transpose8x8(sbyte[][] lanes, int t, Span<ulong> output)
    {
        var a0 = Row(lanes[0], t);
        var a1 = Row(lanes[1], t);
        var a2 = Row(lanes[2], t);
        var a3 = Row(lanes[3], t);
        var a4 = Row(lanes[4], t);
        var a5 = Row(lanes[5], t);
        var a6 = Row(lanes[6], t);
        var a7 = Row(lanes[7], t);

        var b01 = Sse2.UnpackLow(a0, a1).AsInt16();
        var b23 = Sse2.UnpackLow(a2, a3).AsInt16();
        var b45 = Sse2.UnpackLow(a4, a5).AsInt16();
        var b67 = Sse2.UnpackLow(a6, a7).AsInt16();

        var c0123Low = Sse2.UnpackLow(b01, b23).AsInt32();
        var c0123High = Sse2.UnpackHigh(b01, b23).AsInt32();
        var c4567Low = Sse2.UnpackLow(b45, b67).AsInt32();
        var c4567High = Sse2.UnpackHigh(b45, b67).AsInt32();

        var bars01 = Sse2.UnpackLow(c0123Low, c4567Low).AsUInt64();
        var bars23 = Sse2.UnpackHigh(c0123Low, c4567Low).AsUInt64();
        var bars45 = Sse2.UnpackLow(c0123High, c4567High).AsUInt64();
        var bars67 = Sse2.UnpackHigh(c0123High, c4567High).AsUInt64();

        bars01.CopyTo(output[..2]);
        bars23.CopyTo(output.Slice(2, 2));
        bars45.CopyTo(output.Slice(4, 2));
        bars67.CopyTo(output.Slice(6, 2));
    }

    private static Vector128<sbyte> Row(sbyte[] lane, int t) =>
        Vector128.CreateScalar(BitConverter.ToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(lane.AsSpan(t, 8)))).AsSByte();
}
