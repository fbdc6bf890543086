using System.Buffers.Binary;
using System.Text;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Reads Thrift compact-protocol values from a span. Every length and count is checked against
/// the bytes that remain, and nesting is bounded, so corrupt input ends in a
/// <see cref="ParquetFormatException"/> that names the offset rather than a crash or a hang.
/// </summary>
internal ref struct ThriftCompactReader
{
    private const int MaxNesting = 64;

    private readonly ReadOnlySpan<byte> _data;
    private readonly long _baseOffset;
    private readonly string _context;
    private int _position;

    /// <param name="data">The bytes to read.</param>
    /// <param name="baseOffset">Where <paramref name="data"/> starts in the file, for messages.</param>
    /// <param name="context">What is being read ("footer", "page header"), for messages.</param>
    public ThriftCompactReader(ReadOnlySpan<byte> data, long baseOffset, string context)
    {
        _data = data;
        _baseOffset = baseOffset;
        _context = context;
    }

    public readonly int Position => _position;

    /// <summary>Reads a field header; false at the struct's stop byte.</summary>
    public bool TryReadFieldHeader(ref short lastFieldId, out short fieldId, out ThriftCompactType type)
    {
        var header = ReadByte();
        type = (ThriftCompactType)(header & 0x0F);
        if (type == ThriftCompactType.Stop)
        {
            fieldId = 0;
            return false;
        }

        if (type > ThriftCompactType.Struct)
            throw Corrupt($"unknown field type {(int)type}");
        var delta = header >> 4;
        var id = delta != 0 ? lastFieldId + delta : ReadI32();
        if (id is < short.MinValue or > short.MaxValue)
            throw Corrupt($"field id {id} out of range");
        fieldId = (short)id;
        lastFieldId = fieldId;
        return true;
    }

    /// <summary>A boolean field carries its value in the field header's type.</summary>
    public static bool BoolFromFieldType(ThriftCompactType type) => type == ThriftCompactType.BooleanTrue;

    public byte ReadByte()
    {
        if (_position >= _data.Length)
            throw Corrupt("unexpected end of data");
        return _data[_position++];
    }

    public int ReadI32() => (int)ZigZag(ReadVarint(5));

    public long ReadI64() => ZigZag(ReadVarint(10));

    public double ReadDouble()
    {
        Require(8);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadVarint(5);
        if (length > (ulong)(_data.Length - _position))
            throw Corrupt($"binary length {length} is past the end of the data");
        var value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBinary());

    /// <summary>Reads a list header; the count is checked against the remaining bytes.</summary>
    public int ReadListHeader(out ThriftCompactType elementType)
    {
        var header = ReadByte();
        elementType = (ThriftCompactType)(header & 0x0F);
        ulong count = (ulong)(header >> 4);
        if (count == 15)
            count = ReadVarint(5);
        // Every element takes at least one byte, so a larger count cannot be genuine.
        if (count > (ulong)(_data.Length - _position))
            throw Corrupt($"list of {count} elements is longer than the remaining data");
        return (int)count;
    }

    public void Skip(ThriftCompactType type) => Skip(type, 0);

    public readonly ParquetFormatException Corrupt(string what) =>
        new($"corrupt Thrift {_context} at byte offset {_baseOffset + _position}: {what}");

    private void Skip(ThriftCompactType type, int depth)
    {
        if (depth > MaxNesting)
            throw Corrupt($"nesting deeper than {MaxNesting}");
        switch (type)
        {
            case ThriftCompactType.BooleanTrue:
            case ThriftCompactType.BooleanFalse:
                break;
            case ThriftCompactType.Byte:
                ReadByte();
                break;
            case ThriftCompactType.I16:
            case ThriftCompactType.I32:
            case ThriftCompactType.I64:
                ReadVarint(10);
                break;
            case ThriftCompactType.Double:
                Require(8);
                _position += 8;
                break;
            case ThriftCompactType.Binary:
                ReadBinary();
                break;
            case ThriftCompactType.List:
            case ThriftCompactType.Set:
                SkipList(depth);
                break;
            case ThriftCompactType.Map:
                SkipMap(depth);
                break;
            case ThriftCompactType.Struct:
                SkipStruct(depth);
                break;
            default:
                throw Corrupt($"cannot skip a value of type {(int)type}");
        }
    }

    private void SkipList(int depth)
    {
        var count = ReadListHeader(out var elementType);
        for (var i = 0; i < count; i++)
        {
            // Booleans inside containers take one byte each, unlike boolean fields.
            if (elementType is ThriftCompactType.BooleanTrue or ThriftCompactType.BooleanFalse)
                ReadByte();
            else
                Skip(elementType, depth + 1);
        }
    }

    private void SkipMap(int depth)
    {
        var count = ReadVarint(5);
        if (count == 0)
            return;
        if (count > (ulong)(_data.Length - _position))
            throw Corrupt($"map of {count} entries is longer than the remaining data");
        var types = ReadByte();
        var keyType = (ThriftCompactType)(types >> 4);
        var valueType = (ThriftCompactType)(types & 0x0F);
        for (ulong i = 0; i < count; i++)
        {
            Skip(keyType, depth + 1);
            Skip(valueType, depth + 1);
        }
    }

    private void SkipStruct(int depth)
    {
        short last = 0;
        while (TryReadFieldHeader(ref last, out _, out var fieldType))
            Skip(fieldType, depth + 1);
    }

    private ulong ReadVarint(int maxBytes)
    {
        ulong result = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
                return result;
        }

        throw Corrupt($"varint longer than {maxBytes} bytes");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private readonly void Require(int count)
    {
        if (_data.Length - _position < count)
            throw Corrupt("unexpected end of data");
    }
}
