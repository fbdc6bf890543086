using System.Buffers;
using System.Text;

namespace QuantCluster.Data.Parquet;

/// <summary>Writes Thrift compact-protocol structs into a growable buffer.</summary>
internal sealed class ThriftCompactWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public void Clear() => _buffer.Clear();

    public void WriteFieldHeader(ref short lastFieldId, short fieldId, ThriftCompactType type)
    {
        var delta = fieldId - lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            WriteByte((byte)type);
            WriteVarint(ZigZag(fieldId));
        }

        lastFieldId = fieldId;
    }

    public void WriteStop() => WriteByte(0);

    public void WriteI32Field(ref short lastFieldId, short fieldId, int value)
    {
        WriteFieldHeader(ref lastFieldId, fieldId, ThriftCompactType.I32);
        WriteVarint(ZigZag(value));
    }

    public void WriteI64Field(ref short lastFieldId, short fieldId, long value)
    {
        WriteFieldHeader(ref lastFieldId, fieldId, ThriftCompactType.I64);
        WriteVarint(ZigZag(value));
    }

    public void WriteBoolField(ref short lastFieldId, short fieldId, bool value) =>
        WriteFieldHeader(ref lastFieldId, fieldId, value ? ThriftCompactType.BooleanTrue : ThriftCompactType.BooleanFalse);

    public void WriteBinaryField(ref short lastFieldId, short fieldId, ReadOnlySpan<byte> value)
    {
        WriteFieldHeader(ref lastFieldId, fieldId, ThriftCompactType.Binary);
        WriteBinary(value);
    }

    public void WriteStringField(ref short lastFieldId, short fieldId, string value)
    {
        WriteFieldHeader(ref lastFieldId, fieldId, ThriftCompactType.Binary);
        WriteBinary(Encoding.UTF8.GetBytes(value));
    }

    public void WriteListHeader(ThriftCompactType elementType, int count)
    {
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (int)elementType));
            WriteVarint((ulong)count);
        }
    }

    public void WriteI32(int value) => WriteVarint(ZigZag(value));

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteVarint((ulong)value.Length);
        value.CopyTo(_buffer.GetSpan(value.Length));
        _buffer.Advance(value.Length);
    }

    public void WriteString(string value) => WriteBinary(Encoding.UTF8.GetBytes(value));

    private void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    private void WriteVarint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
