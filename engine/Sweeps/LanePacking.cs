using System.Runtime.InteropServices;
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
    public const int Lanes = 8;

    public static void Pack(sbyte[][] lanes, int bars, Span<ulong> packed)
    {
        Span<ulong> rows = stackalloc ulong[Lanes];
        int t = 0;
        for (; t <= bars - Lanes; t += Lanes)
        {
            for (int lane = 0; lane < Lanes; lane++)
            {
                rows[lane] = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(lanes[lane].AsSpan(t, Lanes)));
            }

            Transpose(rows, packed.Slice(t, Lanes));
        }

        for (; t < bars; t++)
        {
            ulong word = 0;
            for (int lane = 0; lane < Lanes; lane++)
            {
                word |= (ulong)(byte)lanes[lane][t] << (lane * 8);
            }

            packed[t] = word;
        }
    }

    public static sbyte Lane(ulong word, int lane) => (sbyte)(word >> (lane * 8));

    /// <summary>
    /// Eight rows (one per set, byte j = bar j) into eight columns (one per bar, byte i = set i):
    /// three rounds of unpacking.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Transpose(ReadOnlySpan<ulong> rows, Span<ulong> columns)
    {
        if (!Sse2.IsSupported)
        {
            for (int bar = 0; bar < Lanes; bar++)
            {
                ulong word = 0;
                for (int lane = 0; lane < Lanes; lane++)
                {
                    word |= ((rows[lane] >> (bar * 8)) & 0xFF) << (lane * 8);
                }

                columns[bar] = word;
            }

            return;
        }

        var b01 = Sse2.UnpackLow(Row(rows[0]), Row(rows[1])).AsInt16();
        var b23 = Sse2.UnpackLow(Row(rows[2]), Row(rows[3])).AsInt16();
        var b45 = Sse2.UnpackLow(Row(rows[4]), Row(rows[5])).AsInt16();
        var b67 = Sse2.UnpackLow(Row(rows[6]), Row(rows[7])).AsInt16();

        var c0123Low = Sse2.UnpackLow(b01, b23).AsInt32();
        var c0123High = Sse2.UnpackHigh(b01, b23).AsInt32();
        var c4567Low = Sse2.UnpackLow(b45, b67).AsInt32();
        var c4567High = Sse2.UnpackHigh(b45, b67).AsInt32();

        Sse2.UnpackLow(c0123Low, c4567Low).AsUInt64().CopyTo(columns[..2]);
        Sse2.UnpackHigh(c0123Low, c4567Low).AsUInt64().CopyTo(columns.Slice(2, 2));
        Sse2.UnpackLow(c0123High, c4567High).AsUInt64().CopyTo(columns.Slice(4, 2));
        Sse2.UnpackHigh(c0123High, c4567High).AsUInt64().CopyTo(columns.Slice(6, 2));
    }

    private static Vector128<byte> Row(ulong row) => Vector128.CreateScalar(row).AsByte();
}
