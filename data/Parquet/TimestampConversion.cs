namespace QuantCluster.Data.Parquet;

/// <summary>Normalises INT64 timestamps to microseconds: milliseconds scale up, nanoseconds round down (floor).</summary>
internal static class TimestampConversion
{
    public static long ToMicros(long value, ParquetTimeUnit unit) => unit switch
    {
        ParquetTimeUnit.Millis => unchecked(value * 1000),
        ParquetTimeUnit.Nanos => FloorDivide(value, 1000),
        _ => value,
    };

    /// <summary>Converts in place, and returns the same array.</summary>
    public static long[] ToMicros(long[] values, ParquetTimeUnit unit)
    {
        if (unit != ParquetTimeUnit.Micros)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ToMicros(values[i], unit);
            }
        }

        return values;
    }

    private static long FloorDivide(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }
}
