namespace QuantCluster.Interop.Tests.Backtest;

public class EurUsdSmaCrossoverTests
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
    public void Sma_crossover_on_hourly_EURUSD_bars_matches_the_DuckDB_reference(int fast, int slow, string direction) =>
        SmaCrossoverComparison.AssertEngineMatchesDuckDb("EURUSD.csv", fast, slow, direction);

    // At bar 4694 (2018-01-21 22:00 UTC) the 3-bar and 7-bar averages of the quoted closes are both
    // exactly 1.22338, but a unit in the last place apart in binary: the position must be flat.
    [Fact]
    public void Sma_crossover_stays_flat_where_the_averages_of_the_quoted_closes_are_equal()
    {
        var bars = Data.Csv.CsvBarReader.Read(ReferencePaths.MarketFile("EURUSD.csv"));
        var strategy = Engine.Strategies.StrategyCatalog.Find("sma_crossover");
        var positions = new sbyte[bars.Count];
        strategy.ComputePositions(
            new Engine.Indicators.IndicatorCache(bars),
            strategy.Bind(new Dictionary<string, string> { ["fast"] = "3", ["slow"] = "7", ["direction"] = "long_short" }),
            positions);

        Assert.Equal(0, positions[4694]);
    }
}
