using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>
/// Parquet files of bars that DuckDB writes (one node run for the whole test class), in a temp
/// folder deleted afterwards. Bar i of every file is <see cref="ExpectedBars"/>' bar i, one
/// minute apart from 2024-01-02T09:30:00Z, unless the file says otherwise.
/// </summary>
public sealed class DuckDbBarFiles : IDisposable
{
    public const long Start = 1_704_187_800_000_000;
    public const long Minute = 60_000_000;

    private readonly TempDirectory _directory = new();

    public DuckDbBarFiles()
    {
        var bars = Bars(100);
        DuckDbReference.Query(
        [
            Copy("ts_ms", $"SELECT make_timestamp(t)::TIMESTAMP_MS AS ts, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("ts_us", $"SELECT make_timestamp(t) AS ts, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("ts_ns", $"SELECT make_timestamp(t)::TIMESTAMP_NS AS ts, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("ts_s", $"SELECT make_timestamp(t)::TIMESTAMP_S AS ts, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("ts_tz", $"SELECT make_timestamptz(t) AS ts, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("epoch_seconds", $"SELECT t // 1000000 AS time, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("epoch_millis", $"SELECT t // 1000 AS timestamp, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("dates", $"SELECT DATE '2024-01-02' + i::INTEGER AS date, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("iso_text", $"SELECT strftime(make_timestamp(t), '%Y-%m-%dT%H:%M:%SZ') AS datetime, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("volume_integer", $"SELECT make_timestamp(t) AS ts, * EXCLUDE (t, i, volume), volume::INTEGER AS vol FROM ({bars})"),
            Copy("volume_bigint", $"SELECT make_timestamp(t) AS ts, * EXCLUDE (t, i, volume), volume::BIGINT AS volume FROM ({bars})"),
            Copy("no_close", $"SELECT make_timestamp(t) AS ts, open, high, low FROM ({bars})"),
            Copy("no_volume", $"SELECT make_timestamp(t) AS ts, * EXCLUDE (t, i, volume) FROM ({bars})"),
            Copy("float_prices", $"SELECT make_timestamp(t) AS ts, open::FLOAT AS o, high::FLOAT AS h, low::FLOAT AS l, close::FLOAT AS c, volume AS v FROM ({bars})"),
            Copy("decimal_prices", $"SELECT make_timestamp(t) AS ts, open::DECIMAL(12, 2) AS open, high, low, close FROM ({bars})"),
            Copy("aliases", $"SELECT 'SPY' AS Ticker, open AS O, high AS H, low AS L, close AS C, volume AS V, make_timestamp(t) AS Date FROM ({bars})"),
            Copy("two_symbols", TwoSymbols(bars)),
            Copy("null_close", $"SELECT make_timestamp(t) AS ts, * EXCLUDE (t, i, close), CASE WHEN i = 41 THEN NULL ELSE close END AS close FROM ({bars})"),
            Copy("null_in_other_symbol", $"SELECT * REPLACE (CASE WHEN symbol = 'MSFT' AND ts > make_timestamp({Start + (10 * Minute)}) THEN NULL ELSE close END AS close) FROM ({TwoSymbols(bars)})"),
            Copy("null_volume", $"SELECT make_timestamp(t) AS ts, * EXCLUDE (t, i, volume), CASE WHEN i % 10 = 3 THEN NULL ELSE volume END AS volume FROM ({bars})"),
            Copy("null_symbol", $"SELECT make_timestamp(t) AS ts, CASE WHEN i = 7 THEN NULL ELSE 'AAPL' END AS symbol, * EXCLUDE (t, i) FROM ({bars})"),
            Copy("high_below_low", $"SELECT make_timestamp(t) AS ts, * EXCLUDE (t, i, high), CASE WHEN i = 57 THEN low - 1 ELSE high END AS high FROM ({bars})"),
            Copy("row_groups", $"SELECT make_timestamp(t) AS ts, 'ES' AS symbol, * EXCLUDE (t, i) FROM ({Bars(20480)})", "ROW_GROUP_SIZE 2048"),
            Copy("epoch_row_groups", $"SELECT t // 1000 AS ts, * EXCLUDE (t, i) FROM ({Bars(20480)})", "ROW_GROUP_SIZE 2048"),
        ]);
    }

    public string File(string name) => _directory.File(name + ".parquet");

    /// <summary>Bar i: open 100 + i/2, high open + 1, low open - 1, close open + 0.25, volume 1000 + i (all exact in binary).</summary>
    public static (long Ts, double Open, double High, double Low, double Close, double Volume) ExpectedBar(int i) =>
        (Start + (i * Minute), 100 + (i * 0.5), 101 + (i * 0.5), 99 + (i * 0.5), 100.25 + (i * 0.5), 1000 + i);

    public void Dispose() => _directory.Dispose();

    private static string Bars(int rows) =>
        $"SELECT i, {Start} + i * {Minute} AS t, (100 + i * 0.5)::DOUBLE AS open, (101 + i * 0.5)::DOUBLE AS high, " +
        $"(99 + i * 0.5)::DOUBLE AS low, (100.25 + i * 0.5)::DOUBLE AS close, (1000 + i)::DOUBLE AS volume FROM range({rows}) r(i)";

    /// <summary>AAPL's bars are the expected ones; MSFT's, interleaved with them, are twice the price.</summary>
    private static string TwoSymbols(string bars) =>
        $"SELECT make_timestamp(t) AS ts, 'AAPL' AS symbol, * EXCLUDE (t, i) FROM ({bars}) UNION ALL " +
        $"SELECT make_timestamp(t) AS ts, 'MSFT' AS symbol, open * 2, high * 2, low * 2, close * 2, volume FROM ({bars}) ORDER BY ts, symbol";

    private string Copy(string name, string select, string options = "") =>
        $"COPY ({select}) TO '{File(name)}' (FORMAT parquet{(options.Length > 0 ? ", " + options : "")})";
}
