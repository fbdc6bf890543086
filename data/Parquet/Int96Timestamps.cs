using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>Legacy INT96 timestamps (Impala, Hive, Spark): nanoseconds of the day, then the Julian day, as UTC microseconds.</summary>
internal static class Int96Timestamps
{
    private const long JulianDayOfUnixEpoch = 2_440_588;
    private const long MicrosPerDay = 86_400_000_000;

    public static long[] ToMicros(Int96[] values)
    {
        var micros = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var nanosOfDay = (long)(((ulong)(uint)values[i].B << 32) | (uint)values[i].A);
            micros[i] = unchecked(((values[i].C - JulianDayOfUnixEpoch) * MicrosPerDay) + (nanosOfDay / 1000));
        }

        return micros;
    }
}
