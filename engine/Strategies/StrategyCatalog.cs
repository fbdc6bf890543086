namespace QuantCluster.Engine.Strategies;

/// <summary>Every strategy in the engine, found by reflection so that adding one needs no registration.</summary>
public static class StrategyCatalog
{
    private static readonly Lazy<IReadOnlyList<Strategy>> AllStrategies = new(() =>
        typeof(Strategy).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Strategy)) && !t.IsAbstract)
            .Select(t => (Strategy)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToArray());

    public static IReadOnlyList<Strategy> All => AllStrategies.Value;

    public static Strategy Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new StrategyParameterException(
            $"There is no strategy '{name}'. Known strategies: {string.Join(", ", All.Select(s => s.Name))}.");
}
