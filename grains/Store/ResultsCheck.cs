using QuantCluster.Contracts;

namespace QuantCluster.Grains.Store;

/// <summary>The argument checks both stores make on a completion's results before touching anything.</summary>
internal static class ResultsCheck
{
    public static void EnsureAllBelongTo(ClaimedWorkItem item, IReadOnlyList<EvaluationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var stray = results.FirstOrDefault(r => r.ItemIndex != item.ItemIndex);
        if (stray is not null)
        {
            throw new ArgumentException(
                $"A result of item {stray.ItemIndex} was given with the completion of item {item.ItemIndex} of job {item.JobId}.", nameof(results));
        }
    }
}
