using System.Buffers;
using System.Runtime.InteropServices;
using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>The encoders and decoders invert each other over many random inputs.</summary>
public sealed class EncodingRoundTripTests
{
    [Fact]
    public void RLE_bit_packed_hybrid_round_trips_runs_and_literals_at_every_bit_width()
    {
        var random = new Random(1);
        for (var bitWidth = 0; bitWidth <= 32; bitWidth++)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var values = RandomRuns(random, random.Next(0, 3000), bitWidth);
                var encoded = new ArrayBufferWriter<byte>();
                RleBitPackedHybridEncoder.Encode(values, bitWidth, encoded);

                var decoded = new int[values.Length];
                new RleBitPackedHybridDecoder(encoded.WrittenSpan, bitWidth).Read(decoded);

                Assert.Equal(values, decoded);
            }
        }
    }

    [Fact]
    public void RLE_decoding_past_the_data_throws_instead_of_inventing_values()
    {
        var encoded = new ArrayBufferWriter<byte>();
        RleBitPackedHybridEncoder.Encode([1, 2, 3], 2, encoded);

        Assert.Throws<ParquetFormatException>(() => new RleBitPackedHybridDecoder(encoded.WrittenSpan, 2).Read(new int[100]));
    }

    [Fact]
    public void Byte_stream_split_round_trips_doubles()
    {
        var values = new[] { 1.5, -0.0, double.NaN, double.MaxValue, 42.125 };
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        var encoded = new byte[bytes.Length];
        ByteStreamSplitEncoder.Encode(bytes, encoded, 8);

        var decoded = new double[values.Length];
        ByteStreamSplitDecoder.Decode(encoded, MemoryMarshal.AsBytes(decoded.AsSpan()), 8, values.Length);

        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), decoded.Select(BitConverter.DoubleToInt64Bits));
        Assert.NotEqual(bytes.ToArray(), encoded);
    }

    [Fact]
    public void Thrift_compact_values_round_trip_including_long_field_gaps()
    {
        var writer = new ThriftCompactWriter();
        short last = 0;
        writer.WriteI32Field(ref last, 1, -5);
        writer.WriteI64Field(ref last, 40, long.MinValue);
        writer.WriteBoolField(ref last, 41, true);
        writer.WriteStringField(ref last, 42, "é");
        writer.WriteStop();

        var reader = new ThriftCompactReader(writer.WrittenSpan, 0, "test");
        short readLast = 0;
        var fields = new List<(short, object)>();
        while (reader.TryReadFieldHeader(ref readLast, out var id, out var type))
        {
            fields.Add((id, type switch
            {
                ThriftCompactType.I32 => reader.ReadI32(),
                ThriftCompactType.I64 => reader.ReadI64(),
                ThriftCompactType.Binary => reader.ReadString(),
                _ => ThriftCompactReader.BoolFromFieldType(type),
            }));
        }

        Assert.Equal([((short)1, (object)(-5)), (40, long.MinValue), (41, true), (42, "é")], fields);
    }

    private static int[] RandomRuns(Random random, int count, int bitWidth)
    {
        var max = bitWidth == 0 ? 0 : (int)Math.Min(int.MaxValue, (1L << bitWidth) - 1);
        var values = new int[count];
        var i = 0;
        while (i < count)
        {
            var value = (int)random.NextInt64(0, (long)max + 1);
            var run = random.Next(3) == 0 ? random.Next(1, 40) : 1;
            for (var r = 0; r < run && i < count; r++)
                values[i++] = value;
        }

        return values;
    }
}
