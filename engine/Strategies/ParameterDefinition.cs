using System.Globalization;

namespace QuantCluster.Engine.Strategies;

/// <summary>One parameter of a strategy: its name, type, allowed range and default.</summary>
public sealed record ParameterDefinition(string Name, ParameterKind Kind, double Min, double Max, double Default, string Description)
{
    public IReadOnlyList<string> Choices { get; init; } = [];

    public static ParameterDefinition Integer(string name, int min, int max, int @default, string description) =>
        new(name, ParameterKind.Integer, min, max, @default, description);

    public static ParameterDefinition Real(string name, double min, double max, double @default, string description) =>
        new(name, ParameterKind.Real, min, max, @default, description);

    public static ParameterDefinition Choice(string name, string[] choices, int @default, string description) =>
        new(name, ParameterKind.Choice, 0, choices.Length - 1, @default, description) { Choices = choices };

    /// <summary>The value as a user writes it: an integer, a number or a choice's name.</summary>
    public string Format(double value) => Kind switch
    {
        ParameterKind.Choice => Choices[(int)value],
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public string FormatRange() => Kind == ParameterKind.Choice
        ? string.Join(" | ", Choices)
        : $"{Format(Min)}..{Format(Max)}";

    /// <summary>Parses a user's value, or says why it is not allowed.</summary>
    public double Parse(string text)
    {
        if (Kind == ParameterKind.Choice)
        {
            int index = Choices.ToList().FindIndex(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new StrategyParameterException($"{Name}={text} is not one of: {string.Join(", ", Choices)}.");
            }

            return index;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new StrategyParameterException($"{Name}={text} is not a number.");
        }

        Check(value);
        return value;
    }

    /// <summary>Throws when the value is outside the range or not an integer where one is needed.</summary>
    public void Check(double value)
    {
        if (Kind == ParameterKind.Integer && value != Math.Floor(value))
        {
            throw new StrategyParameterException($"{Name}={Format(value)} must be a whole number.");
        }

        if (value < Min || value > Max || double.IsNaN(value))
        {
            throw new StrategyParameterException($"{Name}={Format(value)} is outside its range {FormatRange()}.");
        }
    }
}
