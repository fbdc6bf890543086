using System.Globalization;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Tests.Strategies;

/// <summary>Each strategy's parameter schema, and how binding user text to it fails.</summary>
public sealed class StrategyParameterTests
{
    private static readonly string[] Directions = ["long_only", "long_short"];

    public static TheoryData<string> StrategyNames => new(StrategyCatalog.All.Select(s => s.Name));

    public static TheoryData<string, string, string, string> BrokenConstraints => new()
    {
        { "sma_crossover", "fast=50 slow=10", "fast", "slow" },
        { "sma_crossover", "fast=20 slow=20", "fast", "slow" },
        { "ema_crossover", "fast=30", "fast", "slow" },
        { "macd_crossover", "fast=26 slow=12", "fast", "slow" },
        { "rsi_mean_reversion", "lower=60", "lower", "exit" },
        { "rsi_mean_reversion", "exit=80", "exit", "upper" },
        { "rsi_mean_reversion", "lower=70 upper=30", "lower", "upper" },
    };

    [Fact]
    public void Each_strategy_declares_its_parameter_schema()
    {
        // name, kind, min, max, default; every strategy ends with the direction choice.
        AssertSchema("sma_crossover", ["fast < slow"], ("fast", ParameterKind.Integer, 1, 10_000, 10), ("slow", ParameterKind.Integer, 2, 20_000, 50));
        AssertSchema("ema_crossover", ["fast < slow"], ("fast", ParameterKind.Integer, 1, 10_000, 12), ("slow", ParameterKind.Integer, 2, 20_000, 26));
        AssertSchema(
            "macd_crossover",
            ["fast < slow"],
            ("fast", ParameterKind.Integer, 1, 1_000, 12),
            ("slow", ParameterKind.Integer, 2, 2_000, 26),
            ("signal", ParameterKind.Integer, 1, 1_000, 9));
        AssertSchema(
            "rsi_mean_reversion",
            ["lower < exit < upper"],
            ("period", ParameterKind.Integer, 2, 1_000, 14),
            ("lower", ParameterKind.Real, 0, 100, 30),
            ("upper", ParameterKind.Real, 0, 100, 70),
            ("exit", ParameterKind.Real, 0, 100, 50));
        AssertSchema("bollinger_reversion", [], ("period", ParameterKind.Integer, 2, 5_000, 20), ("width", ParameterKind.Real, 0.1, 10, 2));
        AssertSchema("donchian_breakout", [], ("entry", ParameterKind.Integer, 2, 5_000, 20), ("exit", ParameterKind.Integer, 1, 5_000, 10));
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void Binding_nothing_gives_the_defaults_which_keep_the_constraints(string name)
    {
        var strategy = StrategyCatalog.Find(name);

        var values = strategy.Bind(new Dictionary<string, string>());

        Assert.Equal(strategy.Parameters.Select(p => p.Default), values.Values.ToArray());
        Assert.Null(strategy.CheckConstraints(values));
        Assert.Equal(Direction.LongOnly, values.Direction);
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void Binding_text_parses_every_parameter(string name)
    {
        var strategy = StrategyCatalog.Find(name);
        var defaults = strategy.Parameters.ToDictionary(p => p.Name, p => p.Format(p.Default));
        defaults[Strategy.DirectionParameter] = "LONG_SHORT";

        var values = strategy.Bind(defaults);

        Assert.Equal(Direction.LongShort, values.Direction);
        Assert.Equal(strategy.Parameters.Select(p => p.Default).SkipLast(1), values.Values.ToArray().SkipLast(1));
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void An_unknown_parameter_is_named_along_with_the_known_ones(string name)
    {
        var strategy = StrategyCatalog.Find(name);

        var error = Assert.Throws<StrategyParameterException>(() => strategy.Bind(Given("lookback=5")));

        Assert.Contains("'lookback'", error.Message, StringComparison.Ordinal);
        foreach (var p in strategy.Parameters)
        {
            Assert.Contains(p.Name, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void A_value_outside_its_range_is_refused_naming_the_parameter(string name)
    {
        var strategy = StrategyCatalog.Find(name);
        foreach (var p in strategy.Parameters.Where(p => p.Kind != ParameterKind.Choice))
        {
            foreach (double outside in new[] { p.Min - 1, p.Max + 1 })
            {
                string text = outside.ToString(CultureInfo.InvariantCulture);
                var error = Assert.Throws<StrategyParameterException>(() => strategy.Bind(Given($"{p.Name}={text}")));
                Assert.StartsWith($"{p.Name}={text} ", error.Message, StringComparison.Ordinal);
                Assert.Contains("range", error.Message, StringComparison.Ordinal);

                var raw = strategy.Parameters.Select(d => d.Default).ToArray();
                raw[strategy.Parameters.ToList().IndexOf(p)] = outside;
                var validateError = Assert.Throws<StrategyParameterException>(() => strategy.Validate(raw));
                Assert.StartsWith($"{p.Name}=", validateError.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void A_fraction_for_an_integer_parameter_is_refused_naming_it(string name)
    {
        var strategy = StrategyCatalog.Find(name);
        foreach (var p in strategy.Parameters.Where(p => p.Kind == ParameterKind.Integer))
        {
            var error = Assert.Throws<StrategyParameterException>(() => strategy.Bind(Given($"{p.Name}=12.5")));
            Assert.Equal($"{p.Name}=12.5 must be a whole number.", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void Text_that_is_not_a_number_or_not_a_choice_is_refused_naming_the_parameter(string name)
    {
        var strategy = StrategyCatalog.Find(name);
        foreach (var p in strategy.Parameters)
        {
            foreach (string text in new[] { "abc", "NaN", "Infinity", "" })
            {
                var error = Assert.Throws<StrategyParameterException>(() => strategy.Bind(new Dictionary<string, string> { [p.Name] = text }));
                Assert.StartsWith($"{p.Name}={text} ", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BrokenConstraints))]
    public void A_broken_constraint_is_refused_naming_the_parameters(string name, string given, string first, string second)
    {
        var strategy = StrategyCatalog.Find(name);

        var error = Assert.Throws<StrategyParameterException>(() => strategy.Bind(Given(given)));

        Assert.StartsWith($"{name}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Contains(second, error.Message, StringComparison.Ordinal);
    }

    private static void AssertSchema(string name, string[] constraints, params (string Name, ParameterKind Kind, double Min, double Max, double Default)[] expected)
    {
        var strategy = StrategyCatalog.Find(name);
        var actual = strategy.Parameters;
        Assert.Equal(expected.Length + 1, actual.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], (actual[i].Name, actual[i].Kind, actual[i].Min, actual[i].Max, actual[i].Default));
            Assert.False(string.IsNullOrWhiteSpace(actual[i].Description), $"{name}.{actual[i].Name} has no description");
        }

        var direction = actual[^1];
        Assert.Equal((Strategy.DirectionParameter, ParameterKind.Choice, 0.0, 1.0, 0.0), (direction.Name, direction.Kind, direction.Min, direction.Max, direction.Default));
        Assert.Equal(Directions, direction.Choices);
        Assert.Equal(constraints, strategy.Constraints);
        Assert.False(string.IsNullOrWhiteSpace(strategy.Description));
    }

    private static Dictionary<string, string> Given(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
}
