namespace QuantCluster.Data.Parquet;

/// <summary>
/// The parts of a schema element's logicalType union that change how values are read: the
/// kind, and for timestamps the unit and whether the values are UTC instants.
/// </summary>
internal readonly record struct LogicalTypeAnnotation(ParquetLogicalType Kind, ParquetTimeUnit? Unit, bool IsAdjustedToUtc)
{
    public static LogicalTypeAnnotation Read(ref ThriftCompactReader reader)
    {
        var result = new LogicalTypeAnnotation(ParquetLogicalType.Other, null, false);
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            if (type != ThriftCompactType.Struct)
            {
                reader.Skip(type);
                continue;
            }

            result = id switch
            {
                1 => Empty(ref reader, ParquetLogicalType.String),
                4 => Empty(ref reader, ParquetLogicalType.Enum),
                5 => Empty(ref reader, ParquetLogicalType.Decimal),
                6 => Empty(ref reader, ParquetLogicalType.Date),
                7 => ReadTemporal(ref reader, ParquetLogicalType.Time),
                8 => ReadTemporal(ref reader, ParquetLogicalType.Timestamp),
                10 => Empty(ref reader, ParquetLogicalType.Integer),
                12 => Empty(ref reader, ParquetLogicalType.Json),
                14 => Empty(ref reader, ParquetLogicalType.Uuid),
                _ => Empty(ref reader, ParquetLogicalType.Other),
            };
        }

        return result;
    }

    /// <summary>The logical type implied by a legacy converted_type code.</summary>
    public static LogicalTypeAnnotation FromConvertedType(int convertedType) => convertedType switch
    {
        0 => new(ParquetLogicalType.String, null, false),
        4 => new(ParquetLogicalType.Enum, null, false),
        5 => new(ParquetLogicalType.Decimal, null, false),
        6 => new(ParquetLogicalType.Date, null, false),
        7 => new(ParquetLogicalType.Time, ParquetTimeUnit.Millis, true),
        8 => new(ParquetLogicalType.Time, ParquetTimeUnit.Micros, true),
        9 => new(ParquetLogicalType.Timestamp, ParquetTimeUnit.Millis, true),
        10 => new(ParquetLogicalType.Timestamp, ParquetTimeUnit.Micros, true),
        >= 11 and <= 18 => new(ParquetLogicalType.Integer, null, false),
        19 => new(ParquetLogicalType.Json, null, false),
        _ => new(ParquetLogicalType.Other, null, false),
    };

    /// <summary>Writes the union for the kinds the writer produces: STRING and TIMESTAMP.</summary>
    public void Write(ThriftCompactWriter writer)
    {
        short last = 0;
        switch (Kind)
        {
            case ParquetLogicalType.String:
                writer.WriteFieldHeader(ref last, 1, ThriftCompactType.Struct);
                writer.WriteStop();
                break;
            case ParquetLogicalType.Timestamp:
                writer.WriteFieldHeader(ref last, 8, ThriftCompactType.Struct);
                short inner = 0;
                writer.WriteBoolField(ref inner, 1, IsAdjustedToUtc);
                writer.WriteFieldHeader(ref inner, 2, ThriftCompactType.Struct);
                short unit = 0;
                writer.WriteFieldHeader(ref unit, (short)((int)(Unit ?? ParquetTimeUnit.Micros) + 1), ThriftCompactType.Struct);
                writer.WriteStop();
                writer.WriteStop();
                writer.WriteStop();
                break;
            default:
                throw new InvalidOperationException($"the writer does not produce logical type {Kind}");
        }

        writer.WriteStop();
    }

    private static LogicalTypeAnnotation Empty(ref ThriftCompactReader reader, ParquetLogicalType kind)
    {
        reader.Skip(ThriftCompactType.Struct);
        return new(kind, null, false);
    }

    private static LogicalTypeAnnotation ReadTemporal(ref ThriftCompactReader reader, ParquetLogicalType kind)
    {
        var utc = false;
        ParquetTimeUnit? unit = null;
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            if (id == 1 && type is ThriftCompactType.BooleanTrue or ThriftCompactType.BooleanFalse)
                utc = ThriftCompactReader.BoolFromFieldType(type);
            else if (id == 2 && type == ThriftCompactType.Struct)
                unit = ReadTimeUnit(ref reader);
            else
                reader.Skip(type);
        }

        return new(kind, unit, utc);
    }

    private static ParquetTimeUnit? ReadTimeUnit(ref ThriftCompactReader reader)
    {
        ParquetTimeUnit? unit = null;
        short last = 0;
        while (reader.TryReadFieldHeader(ref last, out var id, out var type))
        {
            unit = id switch
            {
                1 => ParquetTimeUnit.Millis,
                2 => ParquetTimeUnit.Micros,
                3 => ParquetTimeUnit.Nanos,
                _ => unit,
            };
            reader.Skip(type);
        }

        return unit;
    }
}
