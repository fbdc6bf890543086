namespace QuantCluster.Data.Postgres.Migrations;

/// <summary>
/// 001_bars: the bar store (ARCHITECTURE.md, "Data"). Timestamps are timestamptz, which
/// PostgreSQL keeps as UTC microseconds, exactly what a BarSeries holds, and which ad-hoc SQL can
/// compare with dates. The CHECK repeats the validator's OHLC rules so that a writer that skips the
/// validator cannot store an impossible bar either. bar_coverage is kept by the importer in the
/// same transaction as the bars it describes.
/// </summary>
internal static class M001Bars
{
    public static Migration Migration { get; } = new(1, "001_bars", """
        CREATE TABLE IF NOT EXISTS bars (
            symbol    text             NOT NULL,
            timeframe text             NOT NULL,
            ts        timestamptz      NOT NULL,
            open      double precision NOT NULL,
            high      double precision NOT NULL,
            low       double precision NOT NULL,
            close     double precision NOT NULL,
            volume    double precision NOT NULL,
            PRIMARY KEY (symbol, timeframe, ts),
            CONSTRAINT bars_ohlcv_consistent
                CHECK (low <= open AND open <= high AND low <= close AND close <= high AND volume >= 0)
        );

        CREATE TABLE IF NOT EXISTS bar_coverage (
            symbol     text        NOT NULL,
            timeframe  text        NOT NULL,
            first_ts   timestamptz NOT NULL,
            last_ts    timestamptz NOT NULL,
            bar_count  bigint      NOT NULL,
            source     text        NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (symbol, timeframe)
        );
        """);
}
