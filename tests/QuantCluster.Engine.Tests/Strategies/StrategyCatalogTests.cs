using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Tests.Strategies;

public sealed class StrategyCatalogTests
{
    internal static readonly string[] Names =
        ["bollinger_reversion", "donchian_breakout", "ema_crossover", "macd_crossover", "rsi_mean_reversion", "sma_crossover"];

    [Fact]
    public void The_catalog_holds_the_six_strategies_in_name_order()
    {
        Assert.Equal(Names, StrategyCatalog.All.Select(s => s.Name));
    }

    [Theory]
    [InlineData("sma_crossover", typeof(SmaCrossover))]
    [InlineData("ema_crossover", typeof(EmaCrossover))]
    [InlineData("macd_crossover", typeof(MacdCrossover))]
    [InlineData("rsi_mean_reversion", typeof(RsiMeanReversion))]
    [InlineData("bollinger_reversion", typeof(BollingerReversion))]
    [InlineData("donchian_breakout", typeof(DonchianBreakout))]
    public void Find_returns_each_strategy_by_its_name(string name, Type type)
    {
        var strategy = StrategyCatalog.Find(name);

        Assert.IsType(type, strategy);
        Assert.Equal(name, strategy.Name);
        Assert.Same(strategy, StrategyCatalog.Find(name.ToUpperInvariant()));
    }

    [Fact]
    public void Find_rejects_an_unknown_name_listing_the_known_ones()
    {
        var error = Assert.Throws<StrategyParameterException>(() => StrategyCatalog.Find("buy_the_dip"));

        Assert.Contains("buy_the_dip", error.Message, StringComparison.Ordinal);
        foreach (var name in Names)
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }
}
