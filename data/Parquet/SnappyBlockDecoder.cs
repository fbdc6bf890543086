using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Decodes the elements of a Snappy block (after its length header): literals, and copies of
/// earlier output at a 1-, 2- or 4-byte offset. Every length and offset is checked against the
/// input and output, so corrupt data ends in a <see cref="ParquetFormatException"/>.
/// </summary>
internal static class SnappyBlockDecoder
{
    /// <summary>Returns the number of bytes written to <paramref name="destination"/>.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var input = 0;
        var output = 0;
        while (input < source.Length)
        {
            int tag = source[input++];
            int length;
            int offset;
            switch (tag & 3)
            {
                case 0:
                    length = tag >> 2;
                    if (length >= 60)
                    {
                        var lengthBytes = length - 59;
                        if (source.Length - input < lengthBytes)
                            throw Corrupt("a literal length is past the end of the input");
                        length = 0;
                        for (var i = 0; i < lengthBytes; i++)
                            length |= source[input + i] << (8 * i);
                        input += lengthBytes;
                    }

                    // Lengths are stored minus one; a 4-byte length can wrap negative.
                    length = unchecked(length + 1);
                    if (length <= 0 || length > source.Length - input || length > destination.Length - output)
                        throw Corrupt($"a {(uint)length}-byte literal overruns the input or the output");
                    if (length <= 16 && source.Length - input >= 16 && destination.Length - output >= 16)
                        Copy16(ref MemoryMarshal.GetReference(source), input, ref MemoryMarshal.GetReference(destination), output);
                    else
                        source.Slice(input, length).CopyTo(destination[output..]);
                    input += length;
                    output += length;
                    continue;
                case 1:
                    if (input >= source.Length)
                        throw Corrupt("a copy offset is past the end of the input");
                    length = ((tag >> 2) & 7) + 4;
                    offset = ((tag >> 5) << 8) | source[input++];
                    break;
                case 2:
                    if (source.Length - input < 2)
                        throw Corrupt("a copy offset is past the end of the input");
                    length = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(source[input..]);
                    input += 2;
                    break;
                default:
                    if (source.Length - input < 4)
                        throw Corrupt("a copy offset is past the end of the input");
                    length = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadInt32LittleEndian(source[input..]);
                    input += 4;
                    break;
            }

            if (offset <= 0 || offset > output || length > destination.Length - output)
                throw Corrupt($"a copy of {length} bytes from {offset} back at output byte {output} is out of range");
            Copy(destination, output, offset, length);
            output += length;
        }

        return output;
    }

    /// <summary>A copy may overlap its own output (offset below length), which repeats a pattern.</summary>
    private static void Copy(Span<byte> destination, int output, int offset, int length)
    {
        // Most copies are short: with 16 bytes of slack after them, whole 16- or 8-byte blocks can
        // be moved, each read from output already written since the offset is at least the block.
        // The bytes written past the copy's end are overwritten by the elements after it.
        if (offset >= 8 && destination.Length - output - length >= 16)
        {
            ref var block = ref MemoryMarshal.GetReference(destination);
            var step = offset >= 16 ? 16 : 8;
            for (var i = 0; i < length; i += step)
            {
                if (step == 16)
                    Copy16(ref block, output - offset + i, ref block, output + i);
                else
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref block, output + i), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref block, output - offset + i)));
            }

            return;
        }

        if (offset >= length)
        {
            destination.Slice(output - offset, length).CopyTo(destination[output..]);
            return;
        }

        // Each pass copies everything from the pattern's start up to where this pass writes, a
        // whole number of patterns, so the pieces never overlap and the step doubles.
        var start = output - offset;
        var copied = 0;
        while (copied < length)
        {
            var chunk = Math.Min(offset + copied, length - copied);
            destination.Slice(start, chunk).CopyTo(destination[(output + copied)..]);
            copied += chunk;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy16(ref byte source, int from, ref byte destination, int to) =>
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, to), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref source, from)));

    private static ParquetFormatException Corrupt(string reason) => new($"corrupt Snappy data: {reason}");
}
