using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace QuantCluster.Grains.Tests.Support;

/// <summary>
/// Parameters that throw when read: a result carrying them stands for a worker that dies in the
/// middle of uploading its results, after the rows before it were sent.
/// </summary>
internal sealed class ExplodingParameters : IReadOnlyDictionary<string, double>
{
    public int Count => 1;

    public IEnumerable<string> Keys => throw Explode();

    public IEnumerable<double> Values => throw Explode();

    public double this[string key] => throw Explode();

    public bool ContainsKey(string key) => throw Explode();

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value) => throw Explode();

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => throw Explode();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static InvalidOperationException Explode() => new("The worker died while its results were being uploaded.");
}
