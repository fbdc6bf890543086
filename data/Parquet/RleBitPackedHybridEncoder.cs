using System.Buffers;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Encodes definition levels and dictionary indices in the RLE/bit-packed hybrid: runs of eight
/// or more equal values become RLE runs, everything else bit-packed groups of eight.
/// </summary>
internal static class RleBitPackedHybridEncoder
{
    private const int MinRepeat = 8;

    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ArrayBufferWriter<byte> output)
    {
        var i = 0;
        while (i < values.Length)
        {
            var run = RunLength(values, i);
            if (run >= MinRepeat)
            {
                WriteVarint(output, (ulong)run << 1);
                WriteValue(output, values[i], bitWidth);
                i += run;
                continue;
            }

            // Literal groups of eight; only the very last group may need zero padding.
            var start = i;
            do
            {
                i += 8;
            }
            while (i < values.Length && RunLength(values, i) < MinRepeat);
            var end = Math.Min(i, values.Length);
            var groups = (end - start + 7) / 8;
            WriteVarint(output, ((ulong)groups << 1) | 1);
            WritePacked(output, values[start..end], groups * 8, bitWidth);
            i = end;
        }
    }

    private static int RunLength(ReadOnlySpan<int> values, int start)
    {
        var end = start + 1;
        while (end < values.Length && values[end] == values[start])
            end++;
        return end - start;
    }

    private static void WriteValue(ArrayBufferWriter<byte> output, int value, int bitWidth)
    {
        var bytes = (bitWidth + 7) / 8;
        var span = output.GetSpan(4);
        for (var b = 0; b < bytes; b++)
            span[b] = (byte)(value >> (8 * b));
        output.Advance(bytes);
    }

    private static void WritePacked(ArrayBufferWriter<byte> output, ReadOnlySpan<int> values, int paddedCount, int bitWidth)
    {
        var byteCount = paddedCount * bitWidth / 8;
        var span = output.GetSpan(byteCount)[..byteCount];
        span.Clear();
        long bit = 0;
        foreach (var value in values)
        {
            for (var b = 0; b < bitWidth; b++, bit++)
            {
                if (((value >> b) & 1) != 0)
                    span[(int)(bit >> 3)] |= (byte)(1 << (int)(bit & 7));
            }
        }

        output.Advance(byteCount);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }
}
