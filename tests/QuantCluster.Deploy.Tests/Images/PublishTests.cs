using System.Text.Json.Nodes;
using QuantCluster.Deploy.Tests.Support;

namespace QuantCluster.Deploy.Tests.Images;

/// <summary>
/// What `docker build` would do of each Dockerfile's build stage, without a container engine: every `dotnet`
/// command of the stage, with its own flags, in a copy of the build context (the repository less .dockerignore),
/// and then a look at what the runtime stage would run.
/// </summary>
public sealed class PublishTests
{
    private static readonly TimeSpan Publishing = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_build_stages_publish_the_programs_the_entrypoints_run_with_ParquetSharp_s_native_library()
    {
        var context = BuildContext.Copy();
        try
        {
            foreach (var (path, program) in new[] { ("silo/Dockerfile", "quant-silo"), ("client/Dockerfile", "quant") })
            {
                var dockerfile = Dockerfile.Load(DeployFiles.Path(path));
                string output = Path.Combine(context.Output, program);
                foreach (string run in dockerfile.Stage("build").All("RUN").Where(r => r.StartsWith("dotnet ", StringComparison.Ordinal)))
                {
                    string[] words = run.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    string[] arguments = [.. words.Skip(1).Select(w => w == "/app" ? output : w)];
                    await Tool.RunAsync("dotnet", context.Source, BuildContext.QuietBuild, Publishing, arguments);
                }

                string entry = dockerfile.Final.Entrypoint[^1];
                Assert.True(File.Exists(Path.Combine(output, entry)), $"{path} runs {entry}, which its build stage did not publish");
                var runtime = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, $"{program}.runtimeconfig.json")))!;
                Assert.True((bool?)runtime["runtimeOptions"]!["configProperties"]!["System.GC.Server"], $"{program} is not published with server GC");
                Assert.True(File.Exists(Path.Combine(output, "ParquetSharpNative.so")), $"{program}'s publish lacks ParquetSharp's native library for linux-x64");
            }
        }
        finally
        {
            context.Dispose();
        }
    }
}
