using System.Globalization;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Optimizers;

/// <summary>The values one parameter takes in a grid: from "fast=5:200:5" (start:stop:step, stop included) or "direction=long_only,long_short".</summary>
public sealed record GridAxis(string Name, double[] Values)
{
    /// <summary>More values than this on one axis is a typo, not a sweep.</summary>
    public const int MaxValues = 1_000_000;

    public static GridAxis Parse(string text, Strategy strategy)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new StrategyParameterException($"'{text}' is not a grid axis; write name=start:stop:step (e.g. fast=5:200:5) or name=a,b,c.");
        }

        string name = text[..equals].Trim();
        string spec = text[(equals + 1)..].Trim();
        var definition = strategy.Parameters.FirstOrDefault(p => p.Name == name)
            ?? throw new StrategyParameterException(
                $"{strategy.Name} has no parameter '{name}'. Its parameters: {string.Join(", ", strategy.Parameters.Select(p => p.Name))}.");

        if (!spec.Contains(':', StringComparison.Ordinal))
        {
            var listed = spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(definition.Parse).Distinct().ToArray();
            return listed.Length > 0 ? new GridAxis(name, listed) : throw new StrategyParameterException($"The grid axis '{text}' has no values.");
        }

        var parts = spec.Split(':');
        if (parts.Length != 3)
        {
            throw new StrategyParameterException($"'{text}': a range is start:stop:step, e.g. {name}=5:200:5.");
        }

        double start = Number(parts[0], text), stop = Number(parts[1], text), step = Number(parts[2], text);
        if (step <= 0)
        {
            throw new StrategyParameterException($"'{text}': the step must be positive.");
        }

        if (stop < start)
        {
            throw new StrategyParameterException($"'{text}' is an empty range: stop ({parts[1]}) is below start ({parts[0]}).");
        }

        double count = Math.Floor((stop - start) / step + 1e-9) + 1;
        if (count > MaxValues)
        {
            throw new StrategyParameterException($"'{text}' has {count:N0} values; one axis takes at most {MaxValues:N0}. Use a larger step.");
        }

        var values = new double[(int)count];
        for (int i = 0; i < values.Length; i++)
        {
            // start + i * step rather than repeated addition, so 0.1 steps do not drift.
            values[i] = Math.Round(start + i * step, 12);
            definition.Check(values[i]);
        }

        return new GridAxis(name, values);
    }

    private static double Number(string text, string axis) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new StrategyParameterException($"'{axis}': '{text}' is not a number.");
}
