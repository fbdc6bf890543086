using QuantCluster.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace QuantCluster.Deploy.Tests.Compose;

/// <summary>docker-compose.yml at the root, its anchors merged as Compose merges them, and the files it mounts.</summary>
public sealed class ComposeTests
{
    private static readonly string[] Silos = ["silo-1", "silo-2", "silo-3"];

    private readonly YamlMappingNode _compose = Yaml.LoadFile(DeployFiles.Path("docker-compose.yml"));

    private YamlMappingNode Service(string name) => _compose.Map($"services.{name}");

    [Fact]
    public void PostgreSQL_keeps_its_data_in_a_named_volume_and_reports_its_health()
    {
        var postgres = Service("postgres");

        Assert.StartsWith("postgres:15", postgres.Text("image"), StringComparison.Ordinal);
        Assert.Contains("postgres-data:/var/lib/postgresql/data", postgres.List("volumes").Select(v => ((YamlScalarNode)v).Value));
        Assert.Contains("postgres-data", _compose.Map("volumes").Keys());
        Assert.Contains("pg_isready", postgres.List("healthcheck.test").Select(t => ((YamlScalarNode)t).Value));
    }

    [Fact]
    public void Three_silos_are_built_from_the_silo_image_and_wait_for_a_healthy_database()
    {
        foreach (string name in Silos)
        {
            var silo = Service(name);
            Assert.Equal("silo/Dockerfile", silo.Text("build.dockerfile"));
            Assert.Equal(".", silo.Text("build.context"));
            Assert.Equal("service_healthy", silo.Text("depends_on.postgres.condition"));
            Assert.Equal(["11111", "30000", "8080", "8081"], silo.List("expose").Select(p => ((YamlScalarNode)p).Value!));
            Assert.Equal("http://otel-collector:4317", silo.Text("environment.OTEL_EXPORTER_OTLP_ENDPOINT"));
            Assert.Contains("./bars:/bars:ro", silo.List("volumes").Select(v => ((YamlScalarNode)v).Value));
        }

        // The silo's own shutdown takes up to 30 s; Compose's default 10 s would kill it mid-leave.
        Assert.Equal("45s", Service("silo-1").Text("stop_grace_period"));
    }

    [Fact]
    public void The_database_connection_and_its_password_come_from_the_env_file_and_nowhere_inline()
    {
        foreach (string name in Silos.Append("postgres").Append("client"))
        {
            Assert.Equal("deploy/quant.env", Service(name).Text("env_file"));
            var environment = Service(name).Find("environment") as YamlMappingNode;
            Assert.DoesNotContain(environment?.Keys() ?? [], key => key is "QUANT_DB" or "PGPASSWORD" or "POSTGRES_PASSWORD");
        }

        Assert.DoesNotContain(_compose.Scalars(), value => value.Contains("password=", StringComparison.OrdinalIgnoreCase));
        var example = File.ReadAllLines(DeployFiles.Path("deploy", "quant.env.example")).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l.Split('=', 2)[0]);
        Assert.Equal(["POSTGRES_PASSWORD", "PGPASSWORD", "QUANT_DB"], example);
        Assert.Contains("deploy/quant.env", File.ReadAllLines(DeployFiles.Path(".gitignore")));
    }

    [Fact]
    public void The_client_is_not_started_by_up_and_runs_against_the_cluster_with_the_silos_bars()
    {
        var client = Service("client");

        Assert.Equal("client/Dockerfile", client.Text("build.dockerfile"));
        Assert.Equal(["client"], client.List("profiles").Select(p => ((YamlScalarNode)p).Value!));
        // A file source is read by the silos at the path the client gives: both see ./bars at /bars.
        Assert.Contains("./bars:/bars", client.List("volumes").Select(v => ((YamlScalarNode)v).Value));
        Assert.Equal("http://otel-collector:4317", client.Text("environment.OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public void The_collector_takes_OTLP_and_sends_metrics_to_Prometheus_and_traces_to_Jaeger()
    {
        var collector = Service("otel-collector");
        Assert.Contains("./deploy/otel-collector.yaml:/etc/otelcol/config.yaml:ro", collector.List("volumes").Select(v => ((YamlScalarNode)v).Value));
        Assert.Equal("jaeger:4317", collector.Text("environment.TRACES_ENDPOINT"));
        Assert.Equal("true", Service("jaeger").Text("environment.COLLECTOR_OTLP_ENABLED"));

        var config = Yaml.LoadFile(DeployFiles.Path("deploy", "otel-collector.yaml"));
        Assert.Equal("0.0.0.0:4317", config.Text("receivers.otlp.protocols.grpc.endpoint"));
        Assert.Equal("0.0.0.0:4318", config.Text("receivers.otlp.protocols.http.endpoint"));
        Assert.Equal(["prometheus"], Names(config, "service.pipelines.metrics.exporters"));
        Assert.Equal(["otlp/traces"], Names(config, "service.pipelines.traces.exporters"));
        Assert.Equal("${env:TRACES_ENDPOINT}", config.Text("exporters.otlp/traces.endpoint"));
        foreach (string pipeline in new[] { "metrics", "traces" })
        {
            foreach (string part in new[] { "receivers", "processors", "exporters" })
            {
                Assert.All(Names(config, $"service.pipelines.{pipeline}.{part}"), name => Assert.Contains(name, config.Map(part).Keys()));
            }
        }

        // Prometheus scrapes the collector where its exporter listens.
        string exporterPort = config.Text("exporters.prometheus.endpoint").Split(':')[^1];
        var prometheus = Yaml.LoadFile(DeployFiles.Path("deploy", "prometheus.yml"));
        var job = Assert.Single(prometheus.List("scrape_configs"));
        Assert.Equal($"otel-collector:{exporterPort}", ((YamlScalarNode)Assert.Single(Assert.Single(job.List("static_configs")).List("targets"))).Value);
        Assert.Equal("true", job.Text("honor_labels"));
        Assert.Contains("./deploy/prometheus.yml:/etc/prometheus/prometheus.yml:ro", Service("prometheus").List("volumes").Select(v => ((YamlScalarNode)v).Value));
    }

    [Fact]
    public void Grafana_is_provisioned_with_Prometheus_Jaeger_and_every_dashboard_file()
    {
        var volumes = Service("grafana").List("volumes").Select(v => ((YamlScalarNode)v).Value!).ToList();
        Assert.Contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro", volumes);
        string dashboards = volumes.Single(v => v.StartsWith("./deploy/grafana:", StringComparison.Ordinal)).Split(':')[1];

        var sources = Yaml.LoadFile(DeployFiles.Path("deploy", "grafana", "provisioning", "datasources", "datasources.yaml")).List("datasources");
        var prometheus = sources.Single(s => s.Text("type") == "prometheus");
        Assert.Equal("http://prometheus:9090", prometheus.Text("url"));
        Assert.Equal("http://jaeger:16686", sources.Single(s => s.Text("type") == "jaeger").Text("url"));
        var provider = Assert.Single(Yaml.LoadFile(DeployFiles.Path("deploy", "grafana", "provisioning", "dashboards", "dashboards.yaml")).List("providers"));
        Assert.Equal(dashboards, provider.Text("options.path"));
        Assert.NotEmpty(Directory.GetFiles(DeployFiles.Path("deploy", "grafana"), "*.json"));
    }

    private static string[] Names(YamlNode node, string path) => [.. node.List(path).Select(n => ((YamlScalarNode)n).Value!)];
}
