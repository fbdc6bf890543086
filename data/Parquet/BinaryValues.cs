using System.Runtime.InteropServices;
using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>Bytes not declared text (BINARY, FIXED_LEN_BYTE_ARRAY), each row its own copy.</summary>
internal sealed class BinaryValues(int rows) : ByteValues<byte[]>(rows)
{
    public override void Set(int row, ByteArray value)
    {
        var bytes = new byte[value.Length];
        if (value.Length > 0)
        {
            Marshal.Copy(value.Pointer, bytes, 0, value.Length);
        }

        Values[row] = bytes;
    }
}
