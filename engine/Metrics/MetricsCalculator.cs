using QuantCluster.Contracts;

namespace QuantCluster.Engine.Metrics;

/// <summary>The formulas of ARCHITECTURE.md ("Metrics"), applied to accumulated statistics.</summary>
internal static class MetricsCalculator
{
    private const double MicrosecondsPerYear = 365.25 * 86_400 * 1_000_000;

    /// <param name="calendarMicroseconds">Time from the first bar to the last, for CAGR.</param>
    public static Contracts.Metrics Calculate(in ReturnStatistics s, double periodsPerYear, long calendarMicroseconds)
    {
        int n = s.Bars - 1;
        double mean = n > 0 ? s.Sum / n : 0;
        double variance = n > 1 ? Math.Max(0, (s.SumOfSquares - s.Sum * mean) / (n - 1)) : 0;
        double std = Math.Sqrt(variance);
        double downside = n > 0 ? Math.Sqrt(s.DownsideSumOfSquares / n) : 0;
        double annualise = Math.Sqrt(periodsPerYear);

        double years = calendarMicroseconds / MicrosecondsPerYear;
        double cagr = years <= 0 ? 0 : s.FinalEquity <= 0 ? -1 : Math.Pow(s.FinalEquity, 1 / years) - 1;

        return new Contracts.Metrics
        {
            TotalReturn = s.FinalEquity - 1,
            Cagr = cagr,
            Volatility = std * annualise,
            Sharpe = Ratio(mean, std) * annualise,
            Sortino = Ratio(mean, downside) * annualise,
            MaxDrawdown = s.MaxDrawdown,
            Calmar = Ratio(cagr, s.MaxDrawdown),
            Fills = s.Fills,
            Trades = s.Trades,
            WinRate = s.Trades > 0 ? (double)s.WinningTrades / s.Trades : 0,
            ProfitFactor = Ratio(s.GrossProfit, s.GrossLoss),
            AvgTrade = s.Trades > 0 ? s.SumOfTradeReturns / s.Trades : 0,
            Exposure = s.Bars > 0 ? (double)s.ExposedBars / s.Bars : 0,
            Var95 = s.Var95,
            Cvar95 = s.Cvar95,
            UlcerIndex = s.Bars > 0 ? Math.Sqrt(s.DrawdownSumOfSquares / s.Bars) : 0,
        };
    }

    /// <summary>numerator / denominator, where nothing over nothing is 0 and something over nothing is ±infinity.</summary>
    private static double Ratio(double numerator, double denominator) =>
        denominator != 0 ? numerator / denominator
        : numerator == 0 ? 0
        : numerator > 0 ? double.PositiveInfinity : double.NegativeInfinity;
}
