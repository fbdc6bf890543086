namespace QuantCluster.Deploy.Tests.Support;

/// <summary>
/// A Dockerfile as its build stages: each FROM starts one, and every instruction after it (continued lines
/// joined, comments dropped) belongs to it. Enough of the format for the files of this repository.
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerStage> stages)
    {
        Path = path;
        Stages = stages;
    }

    public string Path { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The stage images are run from: the last one.</summary>
    public DockerStage Final => Stages[^1];

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new Xunit.Sdk.XunitException($"{Path} has no stage named {name}.");

    public static Dockerfile Load(string path)
    {
        var stages = new List<DockerStage>();
        foreach (var (keyword, arguments) in Instructions(File.ReadAllLines(path)))
        {
            if (keyword == "FROM")
            {
                string[] words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string? name = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new DockerStage(words[0], name));
            }
            else if (stages.Count == 0)
            {
                throw new Xunit.Sdk.XunitException($"{path}: {keyword} before the first FROM.");
            }
            else
            {
                stages[^1].Instructions.Add(new DockerInstruction(keyword, arguments));
            }
        }

        return new Dockerfile(path, stages);
    }

    private static IEnumerable<(string Keyword, string Arguments)> Instructions(string[] lines)
    {
        string pending = "";
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            bool continues = line.EndsWith('\\');
            pending += (pending.Length > 0 ? " " : "") + (continues ? line[..^1].Trim() : line);
            if (continues)
            {
                continue;
            }

            int space = pending.IndexOf(' ', StringComparison.Ordinal);
            yield return space < 0 ? (pending.ToUpperInvariant(), "") : (pending[..space].ToUpperInvariant(), pending[(space + 1)..].Trim());
            pending = "";
        }
    }
}
