using Npgsql;
using NpgsqlTypes;
using QuantCluster.Contracts;

namespace QuantCluster.Grains.Store.Postgres;

/// <summary>
/// An item's results into the results table by binary COPY, inside the completion's transaction,
/// after the fence has locked the item: one round trip however many parameter sets a batch held.
/// </summary>
internal static class ResultUpload
{
    public static async Task CopyAsync(
        NpgsqlConnection connection, Guid jobId, IReadOnlyList<EvaluationResult> results, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(ClusterSql.CopyResults, cancellationToken);
        for (int ordinal = 0; ordinal < results.Count; ordinal++)
        {
            var result = results[ordinal];
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(jobId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(result.ItemIndex, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(ClusterJson.Write(result.Parameters), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(ClusterJson.Write(result.Metrics), NpgsqlDbType.Jsonb, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }
}
