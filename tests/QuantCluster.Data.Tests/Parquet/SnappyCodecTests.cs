using IronSnappy;
using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>Our Snappy decoder gives back exactly what IronSnappy compressed, and refuses corrupt blocks.</summary>
public sealed class SnappyCodecTests
{
    public static TheoryData<string> Inputs() => ["random", "zeros", "period 3", "period 9", "period 17", "timestamps", "text", "short"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Decodes_what_IronSnappy_encodes(string kind)
    {
        foreach (var length in new[] { 0, 1, 15, 16, 17, 63, 64, 65, 1000, 70_000, 300_000 })
        {
            var original = Make(kind, length);
            var decoded = new byte[length];

            SnappyCodec.Decompress(Snappy.Encode(original), decoded);

            Assert.True(original.AsSpan().SequenceEqual(decoded), $"{kind}, {length} bytes");
        }
    }

    [Fact]
    public void Repeats_a_pattern_when_a_copy_overlaps_its_own_output()
    {
        // 10 bytes: the literal "ab", then a copy of 8 bytes from 2 back (1-byte offset form).
        byte[] block = [10, 1 << 2, (byte)'a', (byte)'b', 0b000_100_01, 2];
        var decoded = new byte[10];

        SnappyCodec.Decompress(block, decoded);

        Assert.Equal("ababababab"u8.ToArray(), decoded);
    }

    [Theory]
    [InlineData(new byte[] { 4, 0b000_000_01, 1 }, "out of range")]
    [InlineData(new byte[] { 4, 3 << 2, (byte)'a' }, "overruns")]
    [InlineData(new byte[] { 4, 0 << 2, (byte)'a', 0b000_000_01, 5 }, "out of range")]
    [InlineData(new byte[] { 2, 0 << 2, (byte)'a' }, "decoded to 1 bytes")]
    public void Refuses_a_corrupt_block(byte[] block, string reason)
    {
        var error = Assert.Throws<ParquetFormatException>(() => SnappyCodec.Decompress(block, new byte[block[0]]));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static byte[] Make(string kind, int length)
    {
        var random = new Random(length);
        var bytes = new byte[length];
        switch (kind)
        {
            case "random":
                random.NextBytes(bytes);
                break;
            case "zeros":
                break;
            case "timestamps":
                for (var i = 0; i + 8 <= length; i += 8)
                    BitConverter.TryWriteBytes(bytes.AsSpan(i), 1_704_067_200_000_000L + ((long)i * 7_500_000));
                break;
            case "text":
                var words = "open high low close volume symbol AAPL MSFT 101.25 "u8.ToArray();
                for (var i = 0; i < length; i++)
                    bytes[i] = words[(i * 7 + random.Next(3)) % words.Length];
                break;
            case "short":
                for (var i = 0; i < length; i++)
                    bytes[i] = (byte)(random.Next(4) == 0 ? random.Next(256) : i % 5);
                break;
            default:
                var period = int.Parse(kind["period ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                for (var i = 0; i < length; i++)
                    bytes[i] = (byte)(i % period);
                break;
        }

        return bytes;
    }
}
