using Npgsql;
using QuantCluster.Contracts;

namespace QuantCluster.Grains.Store.Postgres;

/// <summary>A <see cref="JobRecord"/> from a row of <see cref="ClusterSql.JobColumns"/>.</summary>
internal static class JobRows
{
    public static JobRecord Read(NpgsqlDataReader row) => new(
        row.GetGuid(0),
        ClusterJson.Read<JobSpec>(row.GetString(1)),
        JobStatusText.Parse(row.GetString(2)),
        row.GetInt32(3),
        row.IsDBNull(4) ? null : row.GetString(4),
        row.IsDBNull(5) ? null : row.GetString(5),
        row.IsDBNull(6) ? null : row.GetFieldValue<DateTimeOffset>(6),
        row.GetInt64(7),
        row.GetFieldValue<DateTimeOffset>(8),
        row.GetFieldValue<DateTimeOffset>(9));
}
