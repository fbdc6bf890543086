using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Writes bars as a Parquet file every reader understands: ts (TIMESTAMP(MICROS) UTC), symbol
/// (dictionary-encoded STRING), open, high, low, close and volume (DOUBLE), with min/max
/// statistics so readers can skip row groups by time. Every column is required except volume
/// when a bar has none (NaN), which is then written as null, as DuckDB and pandas expect a
/// missing value. ZSTD unless the options say otherwise. Several series are written one after
/// another, each in its time order.
/// </summary>
public static class ParquetBarWriter
{
    public static void Write(string path, BarSeries bars, ParquetWriterOptions? options = null) => Write(path, [bars], options);

    public static void Write(string path, IReadOnlyList<BarSeries> series, ParquetWriterOptions? options = null)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file, series, options);
    }

    public static void Write(Stream stream, IReadOnlyList<BarSeries> series, ParquetWriterOptions? options = null)
    {
        if (series.Count == 0)
        {
            throw new ArgumentException("there are no bars to write", nameof(series));
        }

        ParquetFileWriter.Write(
            stream,
            [
                ParquetWriteColumn.Timestamp("ts", Concat(series, s => s.Timestamps)),
                ParquetWriteColumn.String("symbol", [.. series.SelectMany(s => Enumerable.Repeat(s.Symbol, s.Count))]),
                ParquetWriteColumn.Double("open", Concat(series, s => s.Open)),
                ParquetWriteColumn.Double("high", Concat(series, s => s.High)),
                ParquetWriteColumn.Double("low", Concat(series, s => s.Low)),
                ParquetWriteColumn.Double("close", Concat(series, s => s.Close)),
                Volume(Concat(series, s => s.Volume)),
            ],
            options);
    }

    private static ParquetWriteColumn Volume(double[] volume)
    {
        var missing = Array.ConvertAll(volume, double.IsNaN);
        return ParquetWriteColumn.Double("volume", volume, missing.AsSpan().Contains(true) ? missing : null);
    }

    // One series is written from its own arrays, without a copy.
    private static T[] Concat<T>(IReadOnlyList<BarSeries> series, Func<BarSeries, T[]> column) =>
        series.Count == 1 ? column(series[0]) : [.. series.SelectMany(column)];
}
