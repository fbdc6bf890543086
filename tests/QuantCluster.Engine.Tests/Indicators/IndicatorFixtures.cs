using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace QuantCluster.Engine.Tests.Indicators;

/// <summary>
/// Reference values written by tests/reference/indicator-fixtures.mjs from technicalindicators and
/// DuckDB. Each output holds the defined values only (the reference drops the warm-up), so its
/// value k belongs to bar <c>Bars - output.Length + k</c>.
/// </summary>
internal static class IndicatorFixtures
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly ConcurrentDictionary<string, FixtureFile> Files = new();

    public static FixtureFile Load(string indicator) =>
        Files.GetOrAdd(indicator, name =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Indicators", "Fixtures", name + ".json");
            return JsonSerializer.Deserialize<FixtureFile>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty.");
        });

    /// <summary>(symbol, parameters) of every case of a fixture, for [MemberData].</summary>
    public static TheoryData<string, string> Cases(string indicator)
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Load(indicator).Cases)
        {
            data.Add(c.Symbol, c.Label);
        }

        return data;
    }

    public static FixtureCase Find(string indicator, string symbol, string parameters) =>
        Load(indicator).Cases.Single(c => c.Symbol == symbol && c.Label == parameters);

    /// <summary>
    /// The engine's array must be NaN exactly where the reference has no value (the warm-up),
    /// and within tolerance of it everywhere else:
    /// |actual - expected| &lt;= relative × max(|expected|, scale) + absolute.
    /// </summary>
    public static void AssertMatches(string what, FixtureCase fixture, string output, double[] actual, double relative, double scale = 0, double absolute = 0)
    {
        var expected = fixture.Outputs[output];
        Assert.Equal(fixture.Bars, actual.Length);
        int warmUp = fixture.Bars - expected.Length;
        int engineWarmUp = 0;
        while (engineWarmUp < actual.Length && double.IsNaN(actual[engineWarmUp]))
        {
            engineWarmUp++;
        }

        Assert.True(
            engineWarmUp == warmUp,
            $"{what} {output}: the engine's warm-up is {engineWarmUp} bars, the reference's {warmUp}.");
        for (int k = 0; k < expected.Length; k++)
        {
            int i = warmUp + k;
            double e = expected[k], a = actual[i];
            double tolerance = (relative * Math.Max(Math.Abs(e), scale)) + absolute;
            if (!(Math.Abs(a - e) <= tolerance))
            {
                Assert.Fail(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{what} {output}[{i}]: engine {a:R}, reference {e:R}, difference {a - e:R} > tolerance {tolerance:R}."));
            }
        }
    }

    internal sealed record FixtureFile(string Indicator, string Reference, IReadOnlyList<FixtureCase> Cases);

    internal sealed record FixtureCase(string Symbol, int Bars, Dictionary<string, double> Parameters, Dictionary<string, double[]> Outputs)
    {
        public string Label => string.Join(
            ",", Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:R}")));

        public int Integer(string name) => (int)Parameters[name];
    }
}
