namespace QuantCluster.Data.Postgres;

/// <summary>
/// Every statement the bar store runs. Identifiers are fixed here; every value a user gives
/// travels as a parameter, never as SQL text.
/// </summary>
internal static class BarSql
{
    /// <summary>
    /// A staging table private to the session and the import's transaction: the upload lands here
    /// without touching the shared bars table, which the transaction then locks only for the merge.
    /// </summary>
    public const string CreateStaging = """
        CREATE TEMP TABLE bar_import (
            ts timestamptz NOT NULL, open double precision NOT NULL, high double precision NOT NULL,
            low double precision NOT NULL, close double precision NOT NULL, volume double precision
        ) ON COMMIT DROP
        """;

    public const string CopyIntoStaging = "COPY bar_import (ts, open, high, low, close, volume) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Imports of one series take turns from here to their commit (different series do not wait
    /// for each other), so the overlap check below stays true until the import commits, and two
    /// merges never lock the same rows in different orders.
    /// </summary>
    public const string LockSeries = "SELECT pg_advisory_xact_lock(hashtext(@symbol), hashtext(@timeframe))";

    /// <summary>Whether any stored bar of the series lies within the staged bars' time range.</summary>
    public const string Overlaps = """
        SELECT EXISTS (SELECT 1 FROM bars WHERE symbol = @symbol AND timeframe = @timeframe AND ts BETWEEN @first AND @last)
        """;

    /// <summary>Staged bars into bars when none can collide: a plain insert is twice as fast as ON CONFLICT.</summary>
    public const string InsertStaging = """
        INSERT INTO bars (symbol, timeframe, ts, open, high, low, close, volume)
        SELECT @symbol, @timeframe, ts, open, high, low, close, volume FROM bar_import
        """;

    /// <summary>
    /// Staged bars into bars when some may be stored already: new timestamps are inserted, a stored
    /// bar with different values is replaced (the latest import wins), and an identical one is not
    /// rewritten (no dead row). xmax = 0 marks a row version this statement inserted, not updated.
    /// </summary>
    public const string MergeStaging = """
        WITH merged AS (
            INSERT INTO bars AS b (symbol, timeframe, ts, open, high, low, close, volume)
            SELECT @symbol, @timeframe, ts, open, high, low, close, volume FROM bar_import
            ON CONFLICT (symbol, timeframe, ts) DO UPDATE
                SET open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume
                WHERE (b.open, b.high, b.low, b.close, b.volume)
                    IS DISTINCT FROM (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume)
            RETURNING (b.xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
        """;

    /// <summary>
    /// Coverage after an import, in its transaction: the range widens to take in the new bars and
    /// the count grows by the bars inserted (replaced ones were already counted). This stays exact
    /// because every write to bars goes through the importer, which keeps both in one transaction.
    /// The range's ends are the staged series' first and last bars.
    /// </summary>
    public const string UpdateCoverage = """
        INSERT INTO bar_coverage AS c (symbol, timeframe, first_ts, last_ts, bar_count, source, updated_at)
        VALUES (@symbol, @timeframe, @first, @last, @inserted, @source, now())
        ON CONFLICT (symbol, timeframe) DO UPDATE
            SET first_ts = least(c.first_ts, excluded.first_ts), last_ts = greatest(c.last_ts, excluded.last_ts),
                bar_count = c.bar_count + excluded.bar_count, source = excluded.source, updated_at = excluded.updated_at
        """;

    /// <summary>One series' bars in [from, to] (either end may be null: unbounded), oldest first.</summary>
    public const string ReadBars = """
        SELECT ts, open, high, low, close, volume FROM bars
        WHERE symbol = @symbol AND timeframe = @timeframe
          AND ts >= coalesce(@from, '-infinity'::timestamptz) AND ts <= coalesce(@to, 'infinity'::timestamptz)
        ORDER BY ts
        """;

    public const string Coverage = """
        SELECT symbol, timeframe, first_ts, last_ts, bar_count, source, updated_at FROM bar_coverage
        WHERE @symbol IS NULL OR symbol = @symbol
        ORDER BY symbol, timeframe
        """;

    /// <summary>
    /// Consecutive bars further apart than the timeframe. The server only narrows the steps down;
    /// the weekday rule for daily bars is applied by the caller.
    /// </summary>
    public const string WideSteps = """
        SELECT previous, ts FROM (
            SELECT ts, lag(ts) OVER (ORDER BY ts) AS previous FROM bars WHERE symbol = @symbol AND timeframe = @timeframe
        ) steps
        WHERE ts - previous > @step
        ORDER BY ts
        """;
}
