using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Optimizers;

/// <summary>
/// Draws distinct combinations of a grid at random, keeping only those that satisfy the
/// strategy's constraints. The caller passes the random source, so the same seed gives the
/// same sample, in the same order, on a laptop or a cluster.
/// </summary>
public static class RandomSearch
{
    /// <summary>Rejection draws allowed per requested sample before the space is judged too constrained.</summary>
    private const int AttemptsPerSample = 100;

    /// <returns>Mixed-radix indices into the grid, in draw order.</returns>
    public static long[] SampleIndices(ParameterGrid grid, int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > grid.Size)
        {
            throw new StrategyParameterException(
                $"{count:N0} random samples were asked of a grid of {grid.Size:N0} combinations; ask for at most {grid.Size:N0}, or use the grid optimizer.");
        }

        var seen = new HashSet<long>();
        var drawn = new List<long>(count);
        long attempts = 0, budget = (long)Math.Max(count, 1) * AttemptsPerSample;
        while (drawn.Count < count)
        {
            if (++attempts > budget)
            {
                throw new StrategyParameterException(
                    $"Only {drawn.Count:N0} of {count:N0} random samples satisfy {grid.Strategy.Name}'s constraints " +
                    $"({string.Join(", ", grid.Strategy.Constraints)}) after {budget:N0} draws; widen the ranges or ask for fewer.");
            }

            long index = random.NextInt64(grid.Size);
            if (!seen.Add(index))
            {
                continue;
            }

            var values = new ParameterValues(grid.Strategy.Parameters, grid.ValuesAt(index));
            if (grid.Strategy.CheckConstraints(values) is null)
            {
                drawn.Add(index);
            }
        }

        return [.. drawn];
    }

    public static ParameterValues[] Sample(ParameterGrid grid, int count, Random random) =>
        SampleIndices(grid, count, random).Select(i => new ParameterValues(grid.Strategy.Parameters, grid.ValuesAt(i))).ToArray();
}
