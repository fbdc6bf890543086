using System.Globalization;

namespace QuantCluster.Client.Output;

/// <summary>How a person reads a metric: returns and rates as percentages, counts as integers, ratios to two decimals.</summary>
internal static class MetricFormat
{
    private static readonly HashSet<string> Percentages =
        ["total_return", "cagr", "volatility", "max_drawdown", "win_rate", "avg_trade", "exposure", "var_95", "cvar_95", "ulcer_index"];

    public static string Format(string metric, double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        return metric switch
        {
            "fills" or "trades" => value.ToString("N0", CultureInfo.InvariantCulture),
            _ when Percentages.Contains(metric) => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
            _ => value.ToString("0.000", CultureInfo.InvariantCulture),
        };
    }
}
