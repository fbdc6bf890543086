using System.Globalization;
using QuantCluster.Deploy.Tests.Support;

namespace QuantCluster.Deploy.Tests.Images;

/// <summary>The images' Dockerfiles, read stage by stage: no container engine here can pull their base images.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "silo/Dockerfile", "quant-silo.dll" },
        { "client/Dockerfile", "quant.dll" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_image_is_built_in_an_SDK_stage_and_runs_from_the_slim_ASP_NET_runtime(string path, string program)
    {
        var dockerfile = Dockerfile.Load(DeployFiles.Path(path));

        Assert.Equal(2, dockerfile.Stages.Count);
        var build = dockerfile.Stage("build");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", build.Image, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile.Final.Image, StringComparison.Ordinal);
        Assert.Contains(build.All("RUN"), run => run.StartsWith("dotnet publish", StringComparison.Ordinal) && run.Contains("-r linux-x64", StringComparison.Ordinal) && run.Contains("-o /app", StringComparison.Ordinal));
        Assert.Contains("--from=build /app .", dockerfile.Final.All("COPY"));
        Assert.DoesNotContain(dockerfile.Final.All("COPY"), copy => !copy.StartsWith("--from=", StringComparison.Ordinal));
        Assert.Equal("/app", dockerfile.Final.Last("WORKDIR"));
        Assert.Equal(["dotnet", program], dockerfile.Final.Entrypoint);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_image_runs_as_an_unprivileged_numeric_user_with_server_GC(string path, string program)
    {
        var final = Dockerfile.Load(DeployFiles.Path(path)).Final;

        // A number, so that Kubernetes' runAsNonRoot can check it (a name it cannot), and the one k8s/ runs as.
        Assert.True(int.TryParse(final.Last("USER"), NumberStyles.None, CultureInfo.InvariantCulture, out int user), $"{path} runs as '{final.Last("USER")}', not a user id");
        Assert.NotEqual(0, user);
        Assert.Equal(1654, user);
        Assert.Equal("1", final.Environment["DOTNET_gcServer"]);
        Assert.EndsWith(".dll", program, StringComparison.Ordinal);
    }

    [Fact]
    public void The_silo_image_exposes_its_silo_gateway_dashboard_and_metrics_ports_and_checks_its_health()
    {
        var final = Dockerfile.Load(DeployFiles.Path("silo/Dockerfile")).Final;

        // quant-silo's defaults: --silo-port 11111, --gateway-port 30000, --dashboard-port 8080, --http-port 8081.
        Assert.Equal([8080, 8081, 11111, 30000], final.ExposedPorts.Order());
        string check = Assert.Single(final.All("HEALTHCHECK"));
        Assert.Contains("CMD curl --fail", check, StringComparison.Ordinal);
        Assert.Contains("http://localhost:8081/healthz", check, StringComparison.Ordinal);
        Assert.Contains(final.All("RUN"), run => run.Contains("install", StringComparison.Ordinal) && run.Contains("curl", StringComparison.Ordinal));
    }

    [Fact]
    public void The_client_image_is_a_command_with_no_health_check_and_no_ports()
    {
        var final = Dockerfile.Load(DeployFiles.Path("client/Dockerfile")).Final;

        Assert.Equal("NONE", Assert.Single(final.All("HEALTHCHECK")));
        Assert.Empty(final.ExposedPorts);
    }

    [Fact]
    public void The_build_context_leaves_out_build_outputs_and_the_compose_secrets()
    {
        string[] ignored = File.ReadAllLines(DeployFiles.Path(".dockerignore"));

        Assert.Contains("**/bin", ignored);
        Assert.Contains("**/obj", ignored);
        Assert.Contains(".git", ignored);
        Assert.Contains("deploy/quant.env", ignored);
    }
}
