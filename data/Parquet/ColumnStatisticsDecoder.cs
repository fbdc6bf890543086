using System.Buffers.Binary;
using System.Text;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Decodes footer statistics. min_value/max_value are preferred; the deprecated min/max were
/// compared as signed values, so they are used only for types where that order is right.
/// </summary>
internal static class ColumnStatisticsDecoder
{
    public static ParquetColumnStatistics? Decode(ParquetColumnInfo column, StatisticsMetadata? stats)
    {
        if (stats is null)
            return null;
        byte[]? min, max;
        if (stats.MinValue is not null || stats.MaxValue is not null)
        {
            (min, max) = (stats.MinValue, stats.MaxValue);
        }
        else if (HasSignedOrder(column))
        {
            (min, max) = (stats.Min, stats.Max);
        }
        else
        {
            (min, max) = (null, null);
        }

        return new ParquetColumnStatistics(Value(column, min), Value(column, max), stats.NullCount, stats.DistinctCount);
    }

    private static bool HasSignedOrder(ParquetColumnInfo column) =>
        column.LogicalType is not ParquetLogicalType.Integer && column.PhysicalType is ParquetPhysicalType.Boolean
            or ParquetPhysicalType.Int32 or ParquetPhysicalType.Int64 or ParquetPhysicalType.Float or ParquetPhysicalType.Double;

    private static object? Value(ParquetColumnInfo column, byte[]? bytes)
    {
        if (bytes is null)
            return null;
        return column.PhysicalType switch
        {
            ParquetPhysicalType.Boolean when bytes.Length == 1 => bytes[0] != 0,
            ParquetPhysicalType.Int32 when bytes.Length == 4 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            ParquetPhysicalType.Int64 when bytes.Length == 8 => column.IsInt64Timestamp
                ? TimestampConversion.ToMicros(BinaryPrimitives.ReadInt64LittleEndian(bytes), column.TimeUnit!.Value)
                : BinaryPrimitives.ReadInt64LittleEndian(bytes),
            ParquetPhysicalType.Float when bytes.Length == 4 => BinaryPrimitives.ReadSingleLittleEndian(bytes),
            ParquetPhysicalType.Double when bytes.Length == 8 => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
            ParquetPhysicalType.ByteArray when column.ValueType == typeof(string) => Encoding.UTF8.GetString(bytes),
            ParquetPhysicalType.ByteArray => bytes,
            ParquetPhysicalType.FixedLenByteArray when bytes.Length == column.TypeLength => bytes,
            // INT96 statistics were never well defined, and a wrong length means a corrupt value.
            _ => null,
        };
    }
}
