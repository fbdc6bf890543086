using YamlDotNet.RepresentationModel;

namespace QuantCluster.Deploy.Tests.Support;

/// <summary>What `kubectl kustomize` renders of a folder of k8s/: the objects a `kubectl apply -k` would send.</summary>
internal sealed class Kustomize
{
    private Kustomize(string folder, IReadOnlyList<YamlMappingNode> objects)
    {
        Folder = folder;
        Objects = objects;
    }

    public string Folder { get; }

    public IReadOnlyList<YamlMappingNode> Objects { get; }

    public static async Task<Kustomize> RenderAsync(string folder)
    {
        string text = await Tool.RunAsync("kubectl", DeployFiles.Root, new Dictionary<string, string>(), TimeSpan.FromMinutes(1), "kustomize", Path.Combine("k8s", folder));
        return new Kustomize(folder, Yaml.Documents(text));
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(o => o.TextOrNull("kind") == kind);

    /// <summary>The one object of a kind whose name is or starts with <paramref name="name"/> (generated names end in a hash).</summary>
    public YamlMappingNode Single(string kind, string name)
    {
        var found = OfKind(kind).Where(o => o.Text("metadata.name") == name || o.Text("metadata.name").StartsWith(name + "-", StringComparison.Ordinal)).ToList();
        return found.Count == 1 ? found[0] : throw new Xunit.Sdk.XunitException($"k8s/{Folder} renders {found.Count} {kind} named {name}.");
    }

    public bool Has(string kind, string name) => OfKind(kind).Any(o => o.Text("metadata.name") == name);
}
