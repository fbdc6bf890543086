namespace QuantCluster.Interop.Tests.Backtest;

/// <summary>The engine's SMA crossover in fill mode close against the same backtest written in DuckDB SQL.</summary>
public class SmaCrossoverMatchesDuckDbTests
{
    public static TheoryData<string, int, int, string> Cases()
    {
        var cases = new TheoryData<string, int, int, string>();
        foreach (var file in new[] { "GOOG.csv", "EURUSD.csv" })
        {
            foreach (var (fast, slow) in new[] { (1, 2), (3, 7), (10, 50), (20, 60), (50, 200) })
            {
                cases.Add(file, fast, slow, "long_only");
                cases.Add(file, fast, slow, "long_short");
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sma_crossover_on_real_bars_matches_the_DuckDB_reference(string file, int fast, int slow, string direction) =>
        SmaCrossoverComparison.AssertEngineMatchesDuckDb(file, fast, slow, direction);

    // At EURUSD bar 4694 (2018-01-21 22:00 UTC) the 3-bar and 7-bar averages of the quoted closes
    // are both exactly 1.22338, but a unit in the last place apart in binary: the position must be flat.
    [Fact]
    public void Sma_crossover_stays_flat_where_the_averages_of_the_quoted_closes_are_equal()
    {
        var bars = Data.Csv.CsvBarReader.Read(RepositoryPaths.MarketFile("EURUSD.csv"));
        var strategy = Engine.Strategies.StrategyCatalog.Find("sma_crossover");
        var positions = new sbyte[bars.Count];
        strategy.ComputePositions(
            new Engine.Indicators.IndicatorCache(bars),
            strategy.Bind(new Dictionary<string, string> { ["fast"] = "3", ["slow"] = "7", ["direction"] = "long_short" }),
            positions);

        Assert.Equal(0, positions[4694]);
    }
}
