using System.Buffers.Binary;
using System.Text;

namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>
/// Reads the protobuf wire format field by field: just enough to decode OTLP requests without a protobuf
/// package, which a test project cannot assume it has. A nested message is read with a new reader over the
/// bytes <see cref="ReadLengthDelimited"/> returns. Malformed input throws <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct ProtobufReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public ProtobufReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Reads the next field's tag; false at the end of the message.</summary>
    public bool TryReadTag(out int fieldNumber, out WireType wireType)
    {
        if (_position == _buffer.Length)
        {
            fieldNumber = 0;
            wireType = default;
            return false;
        }

        ulong tag = ReadVarint();
        fieldNumber = checked((int)(tag >> 3));
        wireType = (WireType)(tag & 7);
        if (fieldNumber == 0)
        {
            throw new InvalidDataException($"Field number 0 at byte {_position}: not a protobuf message.");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        // A varint carries 7 bits a byte, so a 64-bit value takes at most 10 bytes.
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte next = ReadByte();
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException($"A varint longer than 10 bytes ends at byte {_position}.");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(_buffer.Length - _position))
        {
            throw new InvalidDataException($"A field of {length} bytes at byte {_position} runs past the end of the message ({_buffer.Length} bytes).");
        }

        var value = _buffer.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadLengthDelimited());

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadFixed64());

    /// <summary>Skips a field this decoder does not need, which is how a reader stays compatible with newer senders.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            default:
                // Groups are deprecated and OTLP has none.
                throw new InvalidDataException($"Wire type {(int)wireType} before byte {_position} is not used by OTLP.");
        }
    }

    private byte ReadByte()
    {
        if (_position == _buffer.Length)
        {
            throw new InvalidDataException($"The message ends inside a varint ({_buffer.Length} bytes).");
        }

        return _buffer[_position++];
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _buffer.Length - _position)
        {
            throw new InvalidDataException($"A {count}-byte field at byte {_position} runs past the end of the message ({_buffer.Length} bytes).");
        }

        var value = _buffer.Slice(_position, count);
        _position += count;
        return value;
    }
}
