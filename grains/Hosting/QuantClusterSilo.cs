using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Results;
using QuantCluster.Grains.Serialization;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Telemetry;
using QuantCluster.Grains.Workers;

namespace QuantCluster.Grains.Hosting;

/// <summary>Makes an Orleans silo one of ours: clustering, storage and reminders, the grains' services, and the evaluation workers.</summary>
public static class QuantClusterSilo
{
    /// <summary>The ADO.NET invariant of Npgsql, as Orleans' ADO.NET providers name it.</summary>
    public const string Invariant = "Npgsql";

    /// <param name="silo">The silo to configure.</param>
    /// <param name="setup">How.</param>
    /// <param name="results">Where work items' results go: PostgreSQL with a database, memory without.</param>
    /// <param name="symbols">The silo's bar cache, over the bar store with a database.</param>
    public static ISiloBuilder AddQuantCluster(this ISiloBuilder silo, ClusterSetup setup, IResultStore results, SymbolCache symbols)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(symbols);
        setup.Validate();
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = setup.ClusterId;
            cluster.ServiceId = setup.ServiceId;
        });
        if (setup.ConnectionString is { } connectionString)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            if (setup.Address is { } address)
            {
                silo.ConfigureEndpoints(address, setup.SiloPort, setup.GatewayPort);
            }
            else
            {
                silo.ConfigureEndpoints(setup.SiloPort, setup.GatewayPort);
            }
        }
        else
        {
            silo.UseLocalhostClustering(setup.SiloPort, setup.GatewayPort, serviceId: setup.ServiceId, clusterId: setup.ClusterId);
        }

        return silo.AddQuantGrains(setup, results, symbols);
    }

    /// <summary>
    /// Everything of <see cref="AddQuantCluster"/> but clustering and endpoints, for hosts that bring
    /// their own (Orleans' TestingHost).
    /// </summary>
    public static ISiloBuilder AddQuantGrains(this ISiloBuilder silo, ClusterSetup setup, IResultStore results, SymbolCache symbols)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(symbols);
        if (setup.ConnectionString is { } connectionString)
        {
            silo.AddAdoNetGrainStorage(GrainStorage.Name, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
                o.GrainStorageSerializer = new JsonGrainStorageSerializer();
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            if (setup.Jobs.Reminders)
            {
                silo.UseInMemoryReminderService();
            }
        }

        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = setup.Membership.ProbeTimeout;
            membership.NumMissedProbesLimit = setup.Membership.MissedProbes;
            membership.NumVotesForDeathDeclaration = setup.Membership.DeathVotes;
            membership.IAmAliveTablePublishTimeout = setup.Membership.IAmAlivePeriod;
            membership.TableRefreshTimeout = setup.Membership.TableRefresh;
        });
        silo.AddActivityPropagation();

        var services = silo.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(results);
        services.AddSingleton(symbols);

        services.AddSingleton<SweepDefinitionCache>();
        services.AddSingleton(Options.Create(setup.Workers));
        services.AddSingleton(Options.Create(setup.Jobs));
        services.AddSingleton<EvaluationWorkerPool>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<EvaluationWorkerPool>());
        services.AddSingleton<ActiveSilosGauge>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<ActiveSilosGauge>());
        return silo;
    }
}
