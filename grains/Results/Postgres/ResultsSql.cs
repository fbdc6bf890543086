namespace QuantCluster.Grains.Results.Postgres;

/// <summary>The results store's statements. Values reach them only as parameters.</summary>
internal static class ResultsSql
{
    // The metric columns in Metrics' order, which SweepResultColumns writes and reads by.
    private const string MetricColumns =
        "total_return, cagr, volatility, sharpe, sortino, max_drawdown, calmar, fills, trades, " +
        "win_rate, profit_factor, avg_trade, exposure, var_95, cvar_95, ulcer_index";

    /// <summary>The fence: one row, or none when another store of the item got there first (it waits for that one to commit or roll back).</summary>
    public const string Fence = """
        INSERT INTO sweep_result_items (job_id, item_index, sets) VALUES (@job, @item, @sets)
        ON CONFLICT DO NOTHING
        """;

    public const string Copy =
        "COPY sweep_results (job_id, item_index, ordinal, parameters, " + MetricColumns + ") FROM STDIN (FORMAT BINARY)";

    public const string Read =
        "SELECT item_index, parameters, " + MetricColumns + " FROM sweep_results WHERE job_id = @job ORDER BY item_index, ordinal";

    public const string Count = "SELECT count(*), coalesce(sum(sets), 0) FROM sweep_result_items WHERE job_id = @job";
}
