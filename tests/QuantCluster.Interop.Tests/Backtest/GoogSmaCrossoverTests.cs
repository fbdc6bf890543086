namespace QuantCluster.Interop.Tests.Backtest;

public class GoogSmaCrossoverTests
{
    [Theory]
    [InlineData(1, 2, "long_only")]
    [InlineData(1, 2, "long_short")]
    [InlineData(3, 7, "long_only")]
    [InlineData(3, 7, "long_short")]
    [InlineData(10, 50, "long_only")]
    [InlineData(10, 50, "long_short")]
    [InlineData(20, 60, "long_only")]
    [InlineData(20, 60, "long_short")]
    [InlineData(50, 200, "long_only")]
    [InlineData(50, 200, "long_short")]
    public void Sma_crossover_on_daily_GOOG_bars_matches_the_DuckDB_reference(int fast, int slow, string direction) =>
        SmaCrossoverComparison.AssertEngineMatchesDuckDb("GOOG.csv", fast, slow, direction);
}
