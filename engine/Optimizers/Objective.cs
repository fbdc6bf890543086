namespace QuantCluster.Engine.Optimizers;

/// <summary>
/// What a sweep optimises: one metric, maximised or minimised, counting only parameter sets
/// with at least a minimum number of completed trades (a sharpe of 9 on two trades is luck).
/// </summary>
public sealed record Objective(string Metric, bool Maximise = true, int MinTrades = 0)
{
    /// <summary>Metrics that are better when smaller.</summary>
    private static readonly HashSet<string> Risks = ["max_drawdown", "volatility", "var_95", "cvar_95", "ulcer_index"];

    /// <summary>The metric in the given direction, or by default its natural one: risks are minimised, everything else maximised.</summary>
    public static Objective For(string metric, int minTrades = 0, bool? maximise = null)
    {
        if (!Contracts.Metrics.Names.Contains(metric))
        {
            throw new ArgumentException($"There is no metric '{metric}'. Metrics: {string.Join(", ", Contracts.Metrics.Names)}.", nameof(metric));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(minTrades);
        return new Objective(metric, maximise ?? !Risks.Contains(metric), minTrades);
    }

    public bool Qualifies(Contracts.Metrics metrics) => metrics.Trades >= MinTrades && !double.IsNaN(metrics.Get(Metric));

    /// <summary>The metric turned higher-is-better (negated when minimised), or -infinity when the set does not qualify: what a genetic search compares.</summary>
    public double Score(Contracts.Metrics metrics) =>
        !Qualifies(metrics) ? double.NegativeInfinity : Maximise ? metrics.Get(Metric) : -metrics.Get(Metric);

    /// <summary>A <see cref="Score"/> back in the metric's own units, for people (a minimised metric is not shown negated).</summary>
    public double MetricOf(double score) => Maximise ? score : -score;

    /// <summary>The indices of the best qualifying results, best first; ties keep enumeration order.</summary>
    public IReadOnlyList<int> Best(IReadOnlyList<Contracts.Metrics> results, int count)
    {
        var ranked = Enumerable.Range(0, results.Count).Where(i => Qualifies(results[i]));
        ranked = Maximise
            ? ranked.OrderByDescending(i => results[i].Get(Metric))
            : ranked.OrderBy(i => results[i].Get(Metric));
        return ranked.Take(count).ToArray();
    }
}
