using QuantCluster.Contracts;

namespace QuantCluster.Grains.Results;

/// <summary>
/// A result's parameter values as the stores keep them: a plain array in the job's parameter order, so
/// the names are said once per job rather than once per row. Both stores check and convert alike.
/// </summary>
internal static class ResultParameters
{
    /// <summary>Each result's values in <paramref name="parameterNames"/> order, after checking that every result belongs to the item and has exactly those parameters.</summary>
    /// <exception cref="ArgumentException">A result names another item, or has other parameters.</exception>
    public static double[][] InOrder(long itemIndex, IReadOnlyList<string> parameterNames, IReadOnlyList<EvaluationResult> results)
    {
        EnsureDistinct(parameterNames);
        ArgumentNullException.ThrowIfNull(results);
        var values = new double[results.Count][];
        for (int i = 0; i < results.Count; i++)
        {
            var result = results[i] ?? throw new ArgumentException($"Result {i} of item {itemIndex} is null.", nameof(results));
            if (result.ItemIndex != itemIndex)
            {
                throw new ArgumentException($"A result of item {result.ItemIndex} was given to be stored with item {itemIndex}.", nameof(results));
            }

            values[i] = InOrder(result, parameterNames) ?? throw new ArgumentException(
                $"A result of item {itemIndex} has the parameters ({string.Join(", ", result.Parameters.Keys)}), " +
                $"not the job's ({string.Join(", ", parameterNames)}).", nameof(results));
        }

        return values;
    }

    /// <summary>The values named again, in <paramref name="parameterNames"/> order (a Dictionary enumerates in insertion order while nothing is removed).</summary>
    /// <exception cref="ArgumentException">The stored results hold another number of parameters.</exception>
    public static Dictionary<string, double> Named(IReadOnlyList<string> parameterNames, double[] values, long itemIndex)
    {
        if (values.Length != parameterNames.Count)
        {
            throw new ArgumentException(
                $"Item {itemIndex} was stored with {values.Length} parameters, but {parameterNames.Count} names were given to read it.", nameof(parameterNames));
        }

        var named = new Dictionary<string, double>(parameterNames.Count);
        for (int i = 0; i < values.Length; i++)
        {
            named.Add(parameterNames[i], values[i]);
        }

        return named;
    }

    /// <exception cref="ArgumentException">A name is repeated, so values could not be told apart.</exception>
    public static void EnsureDistinct(IReadOnlyList<string> parameterNames)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in parameterNames)
        {
            if (!seen.Add(name))
            {
                throw new ArgumentException($"The parameter '{name}' is named twice.", nameof(parameterNames));
            }
        }
    }

    // Null when the result's parameters are not exactly the given names.
    private static double[]? InOrder(EvaluationResult result, IReadOnlyList<string> parameterNames)
    {
        var values = new double[parameterNames.Count];
        for (int p = 0; p < parameterNames.Count; p++)
        {
            if (!result.Parameters.TryGetValue(parameterNames[p], out values[p]))
            {
                return null;
            }
        }

        // Every name was found, so equal counts mean no extra parameters.
        return result.Parameters.Count == parameterNames.Count ? values : null;
    }
}
