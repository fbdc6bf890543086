using QuantCluster.Data.Parquet;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Interop.Tests;

/// <summary>
/// A deterministic table for the writer: required and optional columns of every kind the writer
/// has, with the awkward values (NaN, signed zeros, infinities, 64-bit extremes, non-ASCII and
/// empty strings, timestamps before 1970).
/// </summary>
public static class BarTable
{
    public const int Rows = 10_000;

    public static IReadOnlyList<ParquetWriteColumn> Create()
    {
        var random = new Random(20240101);
        var ts = new long[Rows];
        var close = new double[Rows];
        var volume = new long[Rows];
        var symbol = new string?[Rows];
        var symbols = new[] { "AAPL", "MSFT", "BTC-USD", "ÆØÅ-€uro", "", "日本株" };
        var specialDoubles = new[]
        {
            BitConverter.UInt64BitsToDouble(0x7ff8000000000000), -0.0, 0.0, double.PositiveInfinity,
            double.NegativeInfinity, double.Epsilon, double.MaxValue, double.MinValue,
        };
        var specialLongs = new[] { long.MinValue, long.MaxValue, 0, -1 };
        for (var i = 0; i < Rows; i++)
        {
            ts[i] = -86_400_000_000L + (i * 60_000_000L) + random.Next(1_000_000);
            close[i] = i < specialDoubles.Length ? specialDoubles[i] : 100 + (random.NextDouble() * 10);
            volume[i] = i < specialLongs.Length ? specialLongs[i] : random.NextInt64(-1L << 62, 1L << 62);
            symbol[i] = symbols[random.Next(symbols.Length)];
        }

        bool[] Nulls(int every) => [.. Enumerable.Range(0, Rows).Select(i => i % every == 3)];
        var symbolNulls = Nulls(5);
        var optionalSymbol = symbol.Select((s, i) => symbolNulls[i] ? null : s).ToArray();
        return
        [
            ParquetWriteColumn.Timestamp("ts", ts),
            ParquetWriteColumn.Timestamp("ts_opt", [.. ts.Select(t => t + 17)], Nulls(7)),
            ParquetWriteColumn.Double("close", close),
            ParquetWriteColumn.Double("close_opt", [.. close.Reverse()], Nulls(3)),
            ParquetWriteColumn.Int64("volume", volume),
            ParquetWriteColumn.Int64("volume_opt", [.. volume.Reverse()], Nulls(11)),
            ParquetWriteColumn.String("symbol", symbol),
            ParquetWriteColumn.String("symbol_opt", optionalSymbol, symbolNulls),
            ParquetWriteColumn.Double("all_null", new double[Rows], [.. Enumerable.Repeat(true, Rows)]),
        ];
    }

    /// <summary>The values as parquet-dump.mjs renders what DuckDB reads.</summary>
    public static string?[] Render(ParquetWriteColumn column) =>
        [.. Enumerable.Range(0, column.Count).Select(row => column.Nulls?[row] == true ? null : ColumnRendering.Render(column.Values.GetValue(row)!))];
}
