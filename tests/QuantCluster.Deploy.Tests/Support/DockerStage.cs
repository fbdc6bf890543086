using System.Text.Json;

namespace QuantCluster.Deploy.Tests.Support;

/// <summary>One stage of a <see cref="Dockerfile"/>: its base image, its name, and its instructions in order.</summary>
internal sealed class DockerStage(string image, string? name)
{
    public string Image { get; } = image;

    public string? Name { get; } = name;

    public List<DockerInstruction> Instructions { get; } = [];

    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>The last value of an instruction, as Docker applies it (USER, WORKDIR, ENTRYPOINT...); null when absent.</summary>
    public string? Last(string keyword) => All(keyword).LastOrDefault();

    /// <summary>The ports of every EXPOSE.</summary>
    public IReadOnlyList<int> ExposedPorts =>
        [.. All("EXPOSE").SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Every ENV variable, in the NAME=value form (several to an instruction).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        All("ENV").SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");

    /// <summary>The exec-form ENTRYPOINT as its words.</summary>
    public string[] Entrypoint => Last("ENTRYPOINT") is { } json
        ? JsonSerializer.Deserialize<string[]>(json) ?? []
        : [];
}
