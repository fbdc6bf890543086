using QuantCluster.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace QuantCluster.Deploy.Tests.Kubernetes;

/// <summary>k8s/ as `kubectl kustomize` renders the base and each overlay, with no cluster (and no KEDA) needed.</summary>
public sealed class KustomizeTests
{
    private const string Kubectl = "kubectl";

    /// <summary>The silo's own shutdown timeout (HostOptions.ShutdownTimeout in silo/Program.cs), within which it finishes its items.</summary>
    private const int SiloShutdownSeconds = 30;

    public static TheoryData<string> Folders => ["base", "overlays/dev", "overlays/prod"];

    [ToolFact(Kubectl, "kubectl")]
    public async Task The_k8s_folder_itself_renders_the_base()
    {
        var root = await Kustomize.RenderAsync("");
        var bare = await Kustomize.RenderAsync("base");

        Assert.Equal(bare.Objects.Select(o => o.ToString()), root.Objects.Select(o => o.ToString()));
    }

    [ToolTheory(Kubectl, "kubectl")]
    [MemberData(nameof(Folders))]
    public async Task The_silos_are_hosted_as_Orleans_Kubernetes_hosting_expects(string folder)
    {
        var rendered = await Kustomize.RenderAsync(folder);
        var deployment = rendered.Single("Deployment", "quant-silo");
        var pod = deployment.Map("spec.template");
        var silo = Container(deployment);

        var labels = pod.Map("metadata.labels");
        string[] args = [.. silo.List("args").Select(a => ((YamlScalarNode)a).Value!)];
        Assert.Equal(Argument(args, "--service-id"), labels.Literal("orleans/serviceId"));
        Assert.Equal(Argument(args, "--cluster-id"), labels.Literal("orleans/clusterId"));
        var env = Environment(silo);
        Assert.Equal("metadata.name", env["POD_NAME"].Text("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].Text("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("status.podIP", env["POD_IP"].Text("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("metadata.labels['orleans/serviceId']", env["ORLEANS_SERVICE_ID"].Text("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("metadata.labels['orleans/clusterId']", env["ORLEANS_CLUSTER_ID"].Text("valueFrom.fieldRef.fieldPath"));

        // The pods' account may watch and delete silo pods, as the hosting package does.
        string account = pod.Text("spec.serviceAccountName");
        var binding = rendered.OfKind("RoleBinding").Single(b => b.List("subjects").Any(s => s.Text("kind") == "ServiceAccount" && s.Text("name") == account));
        var role = rendered.Single("Role", binding.Text("roleRef.name"));
        var rule = Assert.Single(role.List("rules"));
        Assert.Contains("pods", rule.List("resources").Select(r => ((YamlScalarNode)r).Value));
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "delete" }, rule.List("verbs").Select(v => ((YamlScalarNode)v).Value!).ToHashSet());
    }

    [ToolTheory(Kubectl, "kubectl")]
    [MemberData(nameof(Folders))]
    public async Task Probes_ask_the_silo_s_health_endpoints_and_the_grace_period_outlasts_its_shutdown(string folder)
    {
        var rendered = await Kustomize.RenderAsync(folder);
        var deployment = rendered.Single("Deployment", "quant-silo");
        var silo = Container(deployment);
        int http = PortNamed(silo, silo.Text("readinessProbe.httpGet.port"));

        Assert.Equal("/readyz", silo.Text("readinessProbe.httpGet.path"));
        Assert.Equal("/healthz", silo.Text("livenessProbe.httpGet.path"));
        Assert.Equal("/healthz", silo.Text("startupProbe.httpGet.path"));
        Assert.Equal(http, PortNamed(silo, silo.Text("livenessProbe.httpGet.port")));
        Assert.Equal(8081, http);
        Assert.Equal(http.ToString(System.Globalization.CultureInfo.InvariantCulture), Argument([.. silo.List("args").Select(a => ((YamlScalarNode)a).Value!)], "--http-port"));
        Assert.True(deployment.Number("spec.template.spec.terminationGracePeriodSeconds") > SiloShutdownSeconds, "the grace period must outlast the silo's own shutdown");
        Assert.True(deployment.Text("spec.template.spec.securityContext.runAsNonRoot") == "true" && deployment.Number("spec.template.spec.securityContext.runAsUser") == 1654);
        foreach (string resource in new[] { "cpu", "memory" })
        {
            Assert.NotNull(silo.Find($"resources.requests.{resource}"));
            Assert.NotNull(silo.Find($"resources.limits.{resource}"));
        }
    }

    [ToolTheory(Kubectl, "kubectl")]
    [MemberData(nameof(Folders))]
    public async Task The_bar_cache_fits_in_the_silo_s_memory_limit(string folder)
    {
        var rendered = await Kustomize.RenderAsync(folder);
        var silo = Container(rendered.Single("Deployment", "quant-silo"));
        var config = rendered.Single("ConfigMap", "quant-silo-config");

        Assert.Contains("$(QUANT_CACHE_MB)", silo.List("args").Select(a => ((YamlScalarNode)a).Value));
        long cacheMiB = long.Parse(config.Text("data.QUANT_CACHE_MB"), System.Globalization.CultureInfo.InvariantCulture);
        long limitMiB = MiB(silo.Text("resources.limits.memory"));
        Assert.True(cacheMiB * 3 / 2 <= limitMiB, $"k8s/{folder}: a {cacheMiB} MiB cache leaves too little of a {limitMiB} MiB limit for the rest of the silo");
    }

    [ToolTheory(Kubectl, "kubectl")]
    [MemberData(nameof(Folders))]
    public async Task The_connection_string_comes_from_a_Secret_and_no_ConfigMap_holds_a_secret(string folder)
    {
        var rendered = await Kustomize.RenderAsync(folder);
        var env = Environment(Container(rendered.Single("Deployment", "quant-silo")));

        Assert.Equal("QUANT_DB", env["QUANT_DB"].Text("valueFrom.secretKeyRef.key"));
        Assert.StartsWith("quant-db", env["QUANT_DB"].Text("valueFrom.secretKeyRef.name"), StringComparison.Ordinal);
        foreach (var map in rendered.OfKind("ConfigMap"))
        {
            var data = map.Find("data") as YamlMappingNode;
            Assert.DoesNotContain(data?.Keys() ?? [], key => key is "QUANT_DB" or "PGPASSWORD" || key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(map.Scalars(), value => value.Contains("password=", StringComparison.OrdinalIgnoreCase));
        }

        // No password in any Secret either: the repository holds none (dev's database trusts its pods).
        Assert.DoesNotContain(rendered.OfKind("Secret").SelectMany(s => s.Scalars()), value => DecodesToPassword(value));
    }

    [ToolTheory(Kubectl, "kubectl")]
    [MemberData(nameof(Folders))]
    public async Task A_drain_takes_one_silo_at_a_time_and_the_gateway_has_a_Service(string folder)
    {
        var rendered = await Kustomize.RenderAsync(folder);
        var podLabels = rendered.Single("Deployment", "quant-silo").Map("spec.template.metadata.labels");
        var budget = rendered.Single("PodDisruptionBudget", "quant-silo");
        var service = rendered.Single("Service", "quant-silo");

        Assert.Equal(1, budget.Number("spec.maxUnavailable"));
        Assert.All(budget.Map("spec.selector.matchLabels").Children, label => Assert.Equal(((YamlScalarNode)label.Value).Value, podLabels.Literal(((YamlScalarNode)label.Key).Value!)));
        Assert.All(service.Map("spec.selector").Children, label => Assert.Equal(((YamlScalarNode)label.Value).Value, podLabels.Literal(((YamlScalarNode)label.Key).Value!)));
        var gateway = service.List("spec.ports").Single(p => p.Text("name") == "gateway");
        Assert.Equal(30000, gateway.Number("port"));
    }

    [ToolTheory(Kubectl, "kubectl")]
    [InlineData("base", 2)]
    [InlineData("overlays/prod", 3)]
    public async Task KEDA_scales_the_silos_on_pending_work_with_CPU_beside_it_and_a_fallback(string folder, int minimum)
    {
        var rendered = await Kustomize.RenderAsync(folder);
        var scaler = rendered.Single("ScaledObject", "quant-silo");
        var triggers = scaler.List("spec.triggers");

        Assert.Equal(rendered.Single("Deployment", "quant-silo").Text("metadata.name"), scaler.Text("spec.scaleTargetRef.name"));
        Assert.Equal(minimum, scaler.Number("spec.minReplicaCount"));
        Assert.True(scaler.Number("spec.maxReplicaCount") > minimum);
        var queue = triggers.Single(t => t.Text("type") == "prometheus");
        Assert.Contains("quant_queue_depth", queue.Text("metadata.query"), StringComparison.Ordinal);
        Assert.Equal("AverageValue", queue.Text("metricType"));
        Assert.True(int.Parse(queue.Text("metadata.threshold"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Utilization", triggers.Single(t => t.Text("type") == "cpu").Text("metricType"));
        Assert.True(scaler.Number("spec.fallback.replicas") >= minimum);
        Assert.Empty(rendered.OfKind("HorizontalPodAutoscaler"));
    }

    [ToolFact(Kubectl, "kubectl")]
    public async Task Dev_runs_its_own_PostgreSQL_and_scales_on_CPU_without_KEDA()
    {
        var rendered = await Kustomize.RenderAsync("overlays/dev");
        var postgres = rendered.Single("StatefulSet", "postgres");
        var autoscaler = rendered.Single("HorizontalPodAutoscaler", "quant-silo");

        Assert.Empty(rendered.OfKind("ScaledObject"));
        Assert.Equal("data", Assert.Single(postgres.List("spec.volumeClaimTemplates")).Text("metadata.name"));
        Assert.True(rendered.Has("Service", "postgres"));
        Assert.Equal("quant-silo", autoscaler.Text("spec.scaleTargetRef.name"));
        Assert.Equal("cpu", Assert.Single(autoscaler.List("spec.metrics")).Text("resource.name"));
        var secret = rendered.Single("Secret", "quant-db");
        string connection = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret.Text("data.QUANT_DB")));
        Assert.StartsWith("Host=postgres;", connection, StringComparison.Ordinal);
    }

    [ToolFact(Kubectl, "kubectl")]
    public async Task Prod_brings_its_own_database_and_pins_the_image()
    {
        var rendered = await Kustomize.RenderAsync("overlays/prod");

        Assert.Empty(rendered.OfKind("StatefulSet"));
        Assert.Empty(rendered.OfKind("Secret"));
        string image = Container(rendered.Single("Deployment", "quant-silo")).Text("image");
        Assert.Matches(@"^quantcluster/silo:\d+\.\d+\.\d+$", image);
    }

    [ToolTheory(Kubectl, "kubectl")]
    [MemberData(nameof(Folders))]
    public async Task The_collector_runs_the_compose_configuration_and_the_silos_export_to_it(string folder)
    {
        var rendered = await Kustomize.RenderAsync(folder);
        var collector = rendered.Single("Deployment", "otel-collector");
        string configMap = Assert.Single(collector.List("spec.template.spec.volumes")).Text("configMap.name");
        var config = rendered.OfKind("ConfigMap").Single(m => m.Text("metadata.name") == configMap);
        var silos = rendered.Single("ConfigMap", "quant-silo-config");

        Assert.Equal(File.ReadAllText(DeployFiles.Path("deploy", "otel-collector.yaml")), config.Map("data").Literal("config.yaml"));
        Assert.Equal("/etc/otelcol", Assert.Single(Container(collector).List("volumeMounts")).Text("mountPath"));
        Assert.Contains("--config=/etc/otelcol/config.yaml", Container(collector).List("args").Select(a => ((YamlScalarNode)a).Value));
        Assert.NotNull(Environment(Container(collector)).GetValueOrDefault("TRACES_ENDPOINT"));
        var service = rendered.Single("Service", "otel-collector");
        string endpoint = silos.Text("data.OTEL_EXPORTER_OTLP_ENDPOINT");
        Assert.Equal($"http://{service.Text("metadata.name")}:4317", endpoint);
        Assert.Contains(service.List("spec.ports"), p => p.Number("port") == 4317);
    }

    private static YamlMappingNode Container(YamlMappingNode deployment) =>
        (YamlMappingNode)deployment.List("spec.template.spec.containers")[0];

    private static Dictionary<string, YamlNode> Environment(YamlMappingNode container) =>
        container.List("env").ToDictionary(e => e.Text("name"));

    private static int PortNamed(YamlMappingNode container, string name) =>
        container.List("ports").Single(p => p.Text("name") == name).Number("containerPort");

    private static string Argument(string[] args, string name) => args[Array.IndexOf(args, name) + 1];

    private static long MiB(string quantity) => quantity switch
    {
        _ when quantity.EndsWith("Gi", StringComparison.Ordinal) => long.Parse(quantity[..^2], System.Globalization.CultureInfo.InvariantCulture) * 1024,
        _ when quantity.EndsWith("Mi", StringComparison.Ordinal) => long.Parse(quantity[..^2], System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new Xunit.Sdk.XunitException($"memory '{quantity}' is in neither Gi nor Mi"),
    };

    private static bool DecodesToPassword(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out int length)
            && System.Text.Encoding.UTF8.GetString(bytes, 0, length).Contains("password", StringComparison.OrdinalIgnoreCase);
    }
}
