using QuantCluster.Contracts;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Api.Jobs;

/// <summary>One evaluated parameter set: its work item, its parameters by name (choices by their names) and every metric by its snake_case name.</summary>
public sealed record ResultView(long Item, IReadOnlyDictionary<string, object> Parameters, IReadOnlyDictionary<string, double> Metrics)
{
    public static ResultView Of(Strategy strategy, EvaluationResult result) => new(
        result.ItemIndex, ParametersOf(strategy, result.Parameters), result.Metrics.Named().ToDictionary(m => m.Key, m => m.Value));

    /// <summary>Every parameter of the strategy by name: numbers as numbers, choices by their names; one not given takes its default.</summary>
    public static IReadOnlyDictionary<string, object> ParametersOf(Strategy strategy, IReadOnlyDictionary<string, double> values) =>
        strategy.Parameters.ToDictionary(
            p => p.Name,
            p =>
            {
                double value = values.TryGetValue(p.Name, out double v) ? v : p.Default;
                return p.Kind == ParameterKind.Choice ? (object)p.Format(value) : value;
            });
}
