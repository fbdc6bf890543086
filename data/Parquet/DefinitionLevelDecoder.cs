using System.Buffers.Binary;

namespace QuantCluster.Data.Parquet;

/// <summary>Decodes a data page's definition levels in RLE (v1 with a length prefix, v2 without) or the deprecated BIT_PACKED.</summary>
internal static class DefinitionLevelDecoder
{
    /// <summary>Decodes levels.Length levels from a v1 page; returns the bytes they took.</summary>
    public static int DecodeV1(ParquetEncoding encoding, ReadOnlySpan<byte> data, int maxLevel, Span<int> levels)
    {
        var bitWidth = PackedBits.WidthOf(maxLevel);
        switch (encoding)
        {
            case ParquetEncoding.Rle:
                if (data.Length < 4)
                    throw new ParquetFormatException("definition levels are past the end of the page");
                var length = BinaryPrimitives.ReadInt32LittleEndian(data);
                if (length < 0 || length > data.Length - 4)
                    throw new ParquetFormatException($"definition levels length {length} is past the end of the {data.Length}-byte page");
                new RleBitPackedHybridDecoder(data.Slice(4, length), bitWidth).Read(levels);
                return 4 + length;
            case ParquetEncoding.BitPacked:
                return DecodeBitPacked(data, bitWidth, levels);
            default:
                throw new ParquetFormatException($"unsupported definition level encoding {ThriftEnumNames.Of(encoding)}");
        }
    }

    /// <summary>Decodes v2 levels, which have their own byte length in the page header.</summary>
    public static void DecodeV2(ReadOnlySpan<byte> data, int maxLevel, Span<int> levels) =>
        new RleBitPackedHybridDecoder(data, PackedBits.WidthOf(maxLevel)).Read(levels);

    /// <summary>The deprecated BIT_PACKED levels are packed most-significant bit first.</summary>
    private static int DecodeBitPacked(ReadOnlySpan<byte> data, int bitWidth, Span<int> levels)
    {
        var bytes = (int)(((long)levels.Length * bitWidth + 7) / 8);
        if (bytes > data.Length)
            throw new ParquetFormatException("BIT_PACKED definition levels are past the end of the page");
        long bit = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            var value = 0;
            for (var b = 0; b < bitWidth; b++, bit++)
                value = (value << 1) | ((data[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            levels[i] = value;
        }

        return bytes;
    }
}
