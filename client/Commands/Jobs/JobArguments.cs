using System.CommandLine;
using QuantCluster.Client.Commands.Data;
using QuantCluster.Grains.Clients;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>What every `quant job` command takes: the job's id (or a unique prefix of it, as git takes commits) and the cluster's database.</summary>
internal sealed class JobArguments
{
    public Argument<string> Id { get; } = new("id") { Description = "The job's id, or enough of its start to be unique (see quant job list)." };

    public DatabaseOption Database { get; } = new();

    /// <summary>Connects to the cluster of --db or QUANT_DB; local jobs end with the process that ran them, so there is no local form.</summary>
    public async Task<ClusterConnection> ConnectAsync(ParseResult parse)
    {
        if (Database.OptionalConnectionString(parse) is not { } connectionString)
        {
            throw new ArgumentException(
                "job commands talk to a cluster: pass --db or export QUANT_DB. A local sweep's jobs end with the quant process that ran them.");
        }

        return await ClusterConnection.OpenAsync(connectionString);
    }

    public static async Task<Guid> ResolveAsync(JobClient client, string text)
    {
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        string prefix = text.Trim().ToLowerInvariant();
        if (prefix.Length < 4)
        {
            throw new ArgumentException($"'{text}' is too short to name a job; give at least 4 characters of its id.");
        }

        var matches = (await client.ListAsync()).Where(j => j.JobId.ToString().StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        return matches.Length switch
        {
            1 => matches[0].JobId,
            0 => throw new KeyNotFoundException($"There is no job whose id starts with '{text}'; see quant job list."),
            _ => throw new ArgumentException($"'{text}' starts {matches.Length} job ids; give more of it."),
        };
    }
}
