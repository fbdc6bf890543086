using QuantCluster.Data.Postgres.Migrations;

namespace QuantCluster.Grains.Results.Postgres;

/// <summary>
/// 1002_sweep_results: the results store. sweep_result_items is the once-per-item fence: its primary key
/// lets exactly one of two silos that both evaluated an item insert it. sweep_results holds every
/// metric in a column of its own, so quants can filter and rank in SQL; double precision keeps NaN and
/// the infinities a metric can be.
/// </summary>
internal static class M1002SweepResults
{
    public static Migration Migration { get; } = new(1002, "1002_sweep_results", """
        CREATE TABLE IF NOT EXISTS sweep_result_items (
            job_id     uuid        NOT NULL,
            item_index bigint      NOT NULL,
            sets       integer     NOT NULL,
            stored_at  timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (job_id, item_index)
        );

        CREATE TABLE IF NOT EXISTS sweep_results (
            job_id        uuid               NOT NULL,
            item_index    bigint             NOT NULL,
            ordinal       integer            NOT NULL,
            parameters    double precision[] NOT NULL,
            total_return  double precision   NOT NULL,
            cagr          double precision   NOT NULL,
            volatility    double precision   NOT NULL,
            sharpe        double precision   NOT NULL,
            sortino       double precision   NOT NULL,
            max_drawdown  double precision   NOT NULL,
            calmar        double precision   NOT NULL,
            fills         integer            NOT NULL,
            trades        integer            NOT NULL,
            win_rate      double precision   NOT NULL,
            profit_factor double precision   NOT NULL,
            avg_trade     double precision   NOT NULL,
            exposure      double precision   NOT NULL,
            var_95        double precision   NOT NULL,
            cvar_95       double precision   NOT NULL,
            ulcer_index   double precision   NOT NULL,
            PRIMARY KEY (job_id, item_index, ordinal)
        );
        """);
}
