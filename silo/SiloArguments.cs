using System.CommandLine;
using System.Globalization;
using System.Net;
using QuantCluster.Data.Postgres;
using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Workers;

namespace QuantCluster.Silo;

/// <summary>The silo's command line, and the <see cref="ClusterSetup"/> it makes.</summary>
internal sealed class SiloArguments
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"PostgreSQL connection string, e.g. {ConnectionStrings.Example} (default: ${ConnectionStrings.Variable}). " +
            $"Give a password through PGPASSWORD, ~/.pgpass or {ConnectionStrings.Variable}, never here.",
    };

    public Option<int> Workers { get; } = new("--workers") { Description = "Evaluation workers (default: one per core; 0 hosts grains only).", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<long> CacheMb { get; } = new("--cache-mb") { Description = "Memory for cached bars and indicators, in MiB.", DefaultValueFactory = _ => 4096 };

    public Option<long> ItemSize { get; } = new("--bar-evaluations-per-item")
    {
        Description = "Bars x parameter sets per work item of the jobs this silo starts (about 0.1 s of one core for sma_crossover).",
        DefaultValueFactory = _ => BatchPlan.DefaultBarEvaluationsPerItem,
    };

    public Option<string> ClusterId { get; } = new("--cluster-id") { Description = "The cluster's id: silos and clients of one cluster share it.", DefaultValueFactory = _ => ClusterSetup.DefaultClusterId };

    public Option<string> ServiceId { get; } = new("--service-id") { Description = "The service's id, which its grain state and reminders are kept under across deployments.", DefaultValueFactory = _ => ClusterSetup.DefaultServiceId };

    public Option<string?> Address { get; } = new("--address") { Description = "The IP address other silos and clients reach this silo at (default: this machine's)." };

    public Option<int> SiloPort { get; } = new("--silo-port") { Description = "Port for silo-to-silo traffic.", DefaultValueFactory = _ => 11111 };

    public Option<int> GatewayPort { get; } = new("--gateway-port") { Description = "Port quant clients connect to.", DefaultValueFactory = _ => 30000 };

    public Option<int> DashboardPort { get; } = new("--dashboard-port") { Description = "Port of the Orleans dashboard (0: none).", DefaultValueFactory = _ => 8080 };

    public Option<int> HttpPort { get; } = new("--http-port")
    {
        Description = "Port of the silo's HTTP endpoints (health, metrics, the API and the results page; 0: none).",
        DefaultValueFactory = _ => 8081,
    };

    public Option<double> ProbeTimeout { get; } = new("--probe-timeout")
    {
        Description = "Seconds a silo waits for another's answer to a liveness probe (Orleans' default 5; 1 on a test machine).",
        DefaultValueFactory = _ => MembershipTimings.Production.ProbeTimeout.TotalSeconds,
    };

    public Option<int> MissedProbes { get; } = new("--missed-probes")
    {
        Description = "Probes missed in a row before a silo votes another dead (Orleans' default 3).",
        DefaultValueFactory = _ => MembershipTimings.Production.MissedProbes,
    };

    public Option<int> DeathVotes { get; } = new("--death-votes")
    {
        Description = "Votes that declare a silo dead (Orleans' default 2).",
        DefaultValueFactory = _ => MembershipTimings.Production.DeathVotes,
    };

    public IEnumerable<Option> All => [Database, Workers, CacheMb, ItemSize, ClusterId, ServiceId, Address, SiloPort, GatewayPort, DashboardPort, HttpPort, ProbeTimeout, MissedProbes, DeathVotes];

    /// <exception cref="ArgumentException">A value makes no sense; the message says which.</exception>
    public ClusterSetup Read(ParseResult parse)
    {
        string connectionString = ConnectionStrings.Require(parse.GetValue(Database));
        IPAddress? address = null;
        if (parse.GetValue(Address) is { } text && !IPAddress.TryParse(text, out address))
        {
            throw new ArgumentException($"--address {text} is not an IP address.");
        }

        double probe = parse.GetValue(ProbeTimeout);
        if (!double.IsFinite(probe) || probe <= 0)
        {
            throw new ArgumentException($"--probe-timeout must be a positive number of seconds; got {probe.ToString(CultureInfo.InvariantCulture)}.");
        }

        // Probing faster than Orleans' default wants the membership table written and read as often, or a
        // dead silo lingers in the other silos' views; at the default, Orleans' own periods stand.
        var production = MembershipTimings.Production;
        var period = probe < production.ProbeTimeout.TotalSeconds ? TimeSpan.FromSeconds(probe * 2) : (TimeSpan?)null;
        var timings = new MembershipTimings(
            TimeSpan.FromSeconds(probe), parse.GetValue(MissedProbes), parse.GetValue(DeathVotes),
            period ?? production.IAmAlivePeriod, period ?? production.TableRefresh);
        var setup = new ClusterSetup
        {
            ConnectionString = connectionString,
            ClusterId = parse.GetValue(ClusterId)!,
            ServiceId = parse.GetValue(ServiceId)!,
            Address = address,
            SiloPort = parse.GetValue(SiloPort),
            GatewayPort = parse.GetValue(GatewayPort),
            Membership = timings,
            Workers = new WorkerOptions { Workers = parse.GetValue(Workers) },
            Jobs = new JobGrainOptions { BarEvaluationsPerItem = parse.GetValue(ItemSize) },
            CacheBudgetBytes = parse.GetValue(CacheMb) << 20,
        };
        setup.Validate();
        if (parse.GetValue(DashboardPort) is < 0 or > 65535)
        {
            throw new ArgumentException($"--dashboard-port must be a port number, or 0 for none.");
        }

        if (parse.GetValue(HttpPort) is < 0 or > 65535)
        {
            throw new ArgumentException($"--http-port must be a port number, or 0 for none.");
        }

        if (parse.GetValue(HttpPort) is > 0 and var http && http == parse.GetValue(DashboardPort))
        {
            throw new ArgumentException($"--http-port and --dashboard-port are both {http}; give them different ports.");
        }

        return setup;
    }
}
