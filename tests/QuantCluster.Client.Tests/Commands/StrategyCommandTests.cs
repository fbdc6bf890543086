
namespace QuantCluster.Client.Tests.Commands;

public sealed class StrategyCommandTests
{
    [Fact]
    public void List_names_all_six_strategies()
    {
        var run = QuantProcess.Run("strategy", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        var names = run.Json.AsArray().Select(s => (string)s!["name"]!).ToArray();
        Assert.Equal(
            ["bollinger_reversion", "donchian_breakout", "ema_crossover", "macd_crossover", "rsi_mean_reversion", "sma_crossover"], names);
    }

    [Fact]
    public void Info_shows_the_parameter_schema_and_constraints()
    {
        var run = QuantProcess.Run("strategy", "info", "sma_crossover", "--json");

        var json = run.Json;
        var fast = json["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "fast")!;
        Assert.Equal("integer", (string?)fast["type"]);
        Assert.Equal("10", (string?)fast["default"]);
        Assert.Equal(["fast < slow"], json["constraints"]!.AsArray().Select(c => (string)c!).ToArray());
        var direction = json["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "direction")!;
        Assert.Equal(["long_only", "long_short"], direction["choices"]!.AsArray().Select(c => (string)c!).ToArray());
    }

    [Fact]
    public void Info_on_an_unknown_strategy_fails_clearly()
    {
        var run = QuantProcess.Run("strategy", "info", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("There is no strategy 'nope'", run.Error);
    }
}
