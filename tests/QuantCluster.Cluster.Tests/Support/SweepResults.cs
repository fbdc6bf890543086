using System.Text.Json.Nodes;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// Every result of a sweep as `quant` writes them in JSON (`job results --format json`, or a sweep's
/// `--out FILE.json`): one entry per evaluated parameter set, in enumeration order, with its metrics
/// (a non-finite metric is null). A parameter set is named by its parameters' JSON, which lists
/// every parameter of the strategy in the strategy's order.
/// </summary>
internal sealed class SweepResults
{
    private SweepResults(IReadOnlyList<(string Set, IReadOnlyDictionary<string, double?> Metrics)> entries)
    {
        Entries = entries;
    }

    public IReadOnlyList<(string Set, IReadOnlyDictionary<string, double?> Metrics)> Entries { get; }

    public int Count => Entries.Count;

    /// <summary>The parameter sets in the order they were given.</summary>
    public IEnumerable<string> Sets => Entries.Select(e => e.Set);

    public static SweepResults Parse(string json)
    {
        var array = JsonNode.Parse(json) as JsonArray ?? throw new FormatException($"Not a JSON array of results: {json[..Math.Min(json.Length, 200)]}");
        return new SweepResults(array.Select(entry => (
            entry!["parameters"]!.ToJsonString(),
            (IReadOnlyDictionary<string, double?>)entry["metrics"]!.AsObject().ToDictionary(m => m.Key, m => m.Value?.GetValue<double>()))).ToArray());
    }

    public static SweepResults Read(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parameter sets that appear more than once, with how often: none when every set was stored exactly once.</summary>
    public IReadOnlyDictionary<string, int> Duplicates() =>
        Entries.GroupBy(e => e.Set).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Asserts <paramref name="sets"/> results and no parameter set twice: every set of the sweep exactly once.</summary>
    public void AssertEachSetExactlyOnce(int sets)
    {
        Assert.Empty(Duplicates());
        Assert.Equal(sets, Count);
    }

    /// <summary>
    /// Asserts the same parameter sets in the same order, and every metric equal within
    /// <paramref name="tolerance"/> (relative to the value for values beyond 1, as cagr or calmar can be).
    /// </summary>
    public void AssertSameAs(SweepResults expected, double tolerance)
    {
        Assert.Equal(expected.Count, Count);
        Assert.Equal(expected.Sets, Sets);
        for (int i = 0; i < Count; i++)
        {
            var (set, metrics) = Entries[i];
            var wanted = expected.Entries[i].Metrics;
            Assert.Equal(wanted.Keys.Order(), metrics.Keys.Order());
            foreach (var (name, value) in wanted)
            {
                double? actual = metrics[name];
                bool same = value is null
                    ? actual is null
                    : actual is { } a && Math.Abs(a - value.Value) <= tolerance * Math.Max(1, Math.Abs(value.Value));
                Assert.True(same, $"{name} of {set}: expected {value?.ToString("R") ?? "null"}, got {actual?.ToString("R") ?? "null"}");
            }
        }
    }
}
