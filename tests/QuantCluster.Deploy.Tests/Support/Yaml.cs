using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QuantCluster.Deploy.Tests.Support;

/// <summary>
/// YAML files and streams as YamlDotNet's node model, with merge keys (&lt;&lt;: *anchor) applied as Compose
/// applies them, and short ways to walk it that fail with the path that is missing.
/// </summary>
internal static class Yaml
{
    /// <summary>Every document of a stream (kubectl kustomize prints several, separated by ---).</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(text))));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    public static YamlMappingNode LoadFile(string path) =>
        Documents(File.ReadAllText(path)) is [var only] ? only : throw new Xunit.Sdk.XunitException($"{path} is not one YAML mapping.");

    public static YamlNode? Find(this YamlNode node, string path)
    {
        YamlNode? current = node;
        foreach (string key in path.Split('.'))
        {
            current = current is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }

        return current;
    }

    public static YamlNode At(this YamlNode node, string path) =>
        node.Find(path) ?? throw new Xunit.Sdk.XunitException($"No '{path}' in {Describe(node)}.");

    public static YamlMappingNode Map(this YamlNode node, string path) =>
        node.At(path) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"'{path}' is not a mapping in {Describe(node)}.");

    public static IReadOnlyList<YamlNode> List(this YamlNode node, string path) =>
        node.At(path) is YamlSequenceNode list ? list.Children.ToList() : throw new Xunit.Sdk.XunitException($"'{path}' is not a list in {Describe(node)}.");

    public static string Text(this YamlNode node, string path) =>
        node.At(path) is YamlScalarNode { Value: { } value } ? value : throw new Xunit.Sdk.XunitException($"'{path}' is not a scalar in {Describe(node)}.");

    public static string? TextOrNull(this YamlNode node, string path) => node.Find(path) is YamlScalarNode scalar ? scalar.Value : null;

    public static int Number(this YamlNode node, string path) => int.Parse(node.Text(path), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The scalar under one key taken whole, for keys with dots in them (app.kubernetes.io/name, config.yaml).</summary>
    public static string Literal(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlScalarNode { Value: { } value }
            ? value
            : throw new Xunit.Sdk.XunitException($"No scalar '{key}' in {Describe(map)}.");

    /// <summary>The keys of a mapping.</summary>
    public static IReadOnlyList<string> Keys(this YamlMappingNode map) => [.. map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!)];

    /// <summary>Every scalar under a node, however deep, for checks such as "no password anywhere here".</summary>
    public static IEnumerable<string> Scalars(this YamlNode node) => node.AllNodes.OfType<YamlScalarNode>().Select(s => s.Value ?? "");

    private static string Describe(YamlNode node) =>
        node is YamlMappingNode map && map.Find("metadata.name") is YamlScalarNode { Value: { } name } ? $"{map.TextOrNull("kind")} {name}" : $"the node at line {node.Start.Line}";
}
