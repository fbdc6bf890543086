namespace QuantCluster.Contracts;

/// <summary>
/// The scalar results of one backtest, with the definitions of ARCHITECTURE.md ("Metrics").
/// Ratios are fractions (0.12 is 12%); a ratio with a zero denominator and a positive numerator
/// is +infinity.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.Metrics")]
public sealed record Metrics
{
    [Id(0)]
    public double TotalReturn { get; init; }

    [Id(1)]
    public double Cagr { get; init; }

    [Id(2)]
    public double Volatility { get; init; }

    [Id(3)]
    public double Sharpe { get; init; }

    [Id(4)]
    public double Sortino { get; init; }

    [Id(5)]
    public double MaxDrawdown { get; init; }

    [Id(6)]
    public double Calmar { get; init; }

    [Id(7)]
    public int Fills { get; init; }

    [Id(8)]
    public int Trades { get; init; }

    [Id(9)]
    public double WinRate { get; init; }

    [Id(10)]
    public double ProfitFactor { get; init; }

    [Id(11)]
    public double AvgTrade { get; init; }

    [Id(12)]
    public double Exposure { get; init; }

    /// <summary>Historical one-bar value at risk at 95%, as a loss (positive when the 5% tail loses).</summary>
    [Id(13)]
    public double Var95 { get; init; }

    /// <summary>Mean of the worst 5% of bar returns, as a loss.</summary>
    [Id(14)]
    public double Cvar95 { get; init; }

    [Id(15)]
    public double UlcerIndex { get; init; }

    /// <summary>The metric names users type (snake_case), each with its value.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Named() =>
    [
        new("total_return", TotalReturn),
        new("cagr", Cagr),
        new("volatility", Volatility),
        new("sharpe", Sharpe),
        new("sortino", Sortino),
        new("max_drawdown", MaxDrawdown),
        new("calmar", Calmar),
        new("fills", Fills),
        new("trades", Trades),
        new("win_rate", WinRate),
        new("profit_factor", ProfitFactor),
        new("avg_trade", AvgTrade),
        new("exposure", Exposure),
        new("var_95", Var95),
        new("cvar_95", Cvar95),
        new("ulcer_index", UlcerIndex),
    ];

    public static IReadOnlyList<string> Names { get; } = new Metrics().Named().Select(m => m.Key).ToArray();

    /// <summary>One metric by its snake_case name.</summary>
    public double Get(string name) => name switch
    {
        "total_return" => TotalReturn,
        "cagr" => Cagr,
        "volatility" => Volatility,
        "sharpe" => Sharpe,
        "sortino" => Sortino,
        "max_drawdown" => MaxDrawdown,
        "calmar" => Calmar,
        "fills" => Fills,
        "trades" => Trades,
        "win_rate" => WinRate,
        "profit_factor" => ProfitFactor,
        "avg_trade" => AvgTrade,
        "exposure" => Exposure,
        "var_95" => Var95,
        "cvar_95" => Cvar95,
        "ulcer_index" => UlcerIndex,
        _ => throw new ArgumentException($"There is no metric '{name}'. Metrics: {string.Join(", ", Names)}.", nameof(name)),
    };
}
