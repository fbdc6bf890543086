using System.Buffers;
using System.Buffers.Binary;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// BYTE_ARRAY values in PLAIN, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY; subclasses turn
/// each value's bytes into the result type (string or byte[]).
/// </summary>
internal abstract class ByteArrayValueDecoder<T>() : ValueDecoder<T>(ParquetPhysicalType.ByteArray)
{
    protected abstract T Convert(ReadOnlySpan<byte> bytes);

    public override T[] DecodeDictionary(ReadOnlySpan<byte> data, int count)
    {
        // Every PLAIN value has a 4-byte length, which bounds a genuine count.
        if ((long)count * 4 > data.Length)
            throw TooShort(ParquetEncoding.Plain, count, data.Length);
        var values = new T[count];
        DecodePlain(data, values);
        return values;
    }

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<T> destination)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                DecodePlain(data, destination);
                break;
            case ParquetEncoding.DeltaLengthByteArray:
                using (var decoder = new DeltaLengthByteArrayDecoder(data, destination.Length))
                {
                    for (var i = 0; i < destination.Length; i++)
                        destination[i] = Convert(decoder.Next());
                }

                break;
            case ParquetEncoding.DeltaByteArray:
                DecodeDeltaByteArray(data, destination);
                break;
            default:
                throw Unsupported(encoding);
        }
    }

    private void DecodePlain(ReadOnlySpan<byte> data, Span<T> destination)
    {
        var position = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            if (data.Length - position < 4)
                throw TooShort(ParquetEncoding.Plain, destination.Length, data.Length);
            var length = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
            position += 4;
            if (length < 0 || length > data.Length - position)
                throw new ParquetFormatException($"PLAIN byte array length {length} at value {i} is past the end of the data");
            destination[i] = Convert(data.Slice(position, length));
            position += length;
        }
    }

    /// <summary>Each value is a prefix of the previous value plus a suffix.</summary>
    private void DecodeDeltaByteArray(ReadOnlySpan<byte> data, Span<T> destination)
    {
        var prefixes = new DeltaBinaryPackedDecoder(data);
        var prefixLengths = ArrayPool<int>.Shared.Rent(destination.Length);
        var previous = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            prefixes.Decode(prefixLengths.AsSpan(0, destination.Length));
            using var suffixes = new DeltaLengthByteArrayDecoder(data[prefixes.Position..], destination.Length);
            var previousLength = 0;
            for (var i = 0; i < destination.Length; i++)
            {
                var prefix = prefixLengths[i];
                if (prefix < 0 || prefix > previousLength)
                    throw new ParquetFormatException($"DELTA_BYTE_ARRAY prefix length {prefix} exceeds the previous value's {previousLength} bytes");
                var suffix = suffixes.Next();
                var length = prefix + suffix.Length;
                if (length > previous.Length)
                {
                    var grown = ArrayPool<byte>.Shared.Rent(length);
                    previous.AsSpan(0, prefix).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(previous);
                    previous = grown;
                }

                suffix.CopyTo(previous.AsSpan(prefix));
                previousLength = length;
                destination[i] = Convert(previous.AsSpan(0, length));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(prefixLengths);
            ArrayPool<byte>.Shared.Return(previous);
        }
    }
}
