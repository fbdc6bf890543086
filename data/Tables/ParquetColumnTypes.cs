using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tables;

/// <summary>How a Parquet column appears as a table column: the name of its type, and how its values are held.</summary>
internal static class ParquetColumnTypes
{
    public static TableValueKind KindOf(ParquetColumnInfo column) => column.LogicalType switch
    {
        ParquetLogicalType.Decimal or ParquetLogicalType.Float16 => TableValueKind.Unsupported,
        ParquetLogicalType.Timestamp => TableValueKind.Timestamp,
        ParquetLogicalType.Date => TableValueKind.Date,
        ParquetLogicalType.Time when column.PhysicalType is ParquetPhysicalType.Int32 or ParquetPhysicalType.Int64 => TableValueKind.Time,
        _ => column.PhysicalType switch
        {
            ParquetPhysicalType.Boolean => TableValueKind.Boolean,
            ParquetPhysicalType.Int32 => TableValueKind.Int32,
            ParquetPhysicalType.Int64 => TableValueKind.Int64,
            ParquetPhysicalType.Float => TableValueKind.Float,
            ParquetPhysicalType.Double => TableValueKind.Double,
            _ when column.ValueType == typeof(string) => TableValueKind.String,
            _ => TableValueKind.Binary,
        },
    };

    /// <summary>The logical type when the file declares one (TIMESTAMP(NANOS, UTC), DATE, STRING ...), otherwise the physical type.</summary>
    public static string NameOf(ParquetColumnInfo column) => column.LogicalType switch
    {
        ParquetLogicalType.Timestamp when column.PhysicalType == ParquetPhysicalType.Int96 => "INT96 TIMESTAMP",
        ParquetLogicalType.Timestamp => $"TIMESTAMP({Unit(column)}{(column.IsAdjustedToUtc ? ", UTC" : "")})",
        ParquetLogicalType.Time => $"TIME({Unit(column)})",
        ParquetLogicalType.Date => "DATE",
        ParquetLogicalType.String => "STRING",
        ParquetLogicalType.Enum => "ENUM",
        ParquetLogicalType.Json => "JSON",
        ParquetLogicalType.Uuid => "UUID",
        ParquetLogicalType.Decimal => "DECIMAL",
        ParquetLogicalType.Float16 => "FLOAT16",
        // Bytes without a logical type print as DuckDB names them, BINARY; the other physical types by the format's names.
        _ => column.PhysicalType switch
        {
            ParquetPhysicalType.ByteArray => "BINARY",
            ParquetPhysicalType.FixedLenByteArray => $"FIXED_LEN_BYTE_ARRAY({column.TypeLength})",
            var physical => ParquetNames.Of(physical),
        },
    };

    /// <summary>The column's values as the kind holds them; only TIME values change (to microseconds since midnight).</summary>
    public static TableColumn ToTableColumn(ParquetColumn column)
    {
        var info = column.Info;
        var kind = KindOf(info);
        var values = kind == TableValueKind.Time ? TimeOfDayMicroseconds(column) : column.Values;
        return new TableColumn(info.Name, NameOf(info), kind, values, column.Nulls);
    }

    private static long[] TimeOfDayMicroseconds(ParquetColumn column) => column.Values switch
    {
        int[] millis => [.. millis.Select(m => m * 1000L)],
        long[] ticks when column.Info.TimeUnit == ParquetTimeUnit.Nanos => [.. ticks.Select(n => n / 1000)],
        long[] micros => micros,
        _ => throw new ParquetFormatException($"column '{column.Info.Name}' is TIME but holds {column.Values.GetType().Name}"),
    };

    private static string Unit(ParquetColumnInfo column) => column.TimeUnit switch
    {
        ParquetTimeUnit.Millis => "MILLIS",
        ParquetTimeUnit.Nanos => "NANOS",
        _ => "MICROS",
    };
}
