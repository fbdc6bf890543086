using Npgsql;
using NpgsqlTypes;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Postgres;

/// <summary>
/// Streams a series into the session's staging table with binary COPY, the fastest way into
/// PostgreSQL. The staging table lives only as long as the import's transaction (ON COMMIT DROP),
/// so a failed import leaves nothing behind, not even staged rows.
/// </summary>
internal static class BarUpload
{
    private const int ProgressEvery = 1 << 16;

    public static async Task StageAsync(NpgsqlConnection connection, BarSeries bars, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(BarSql.CreateStaging, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var copy = await connection.BeginBinaryImportAsync(BarSql.CopyIntoStaging, cancellationToken);
        copy.Timeout = Timeout.InfiniteTimeSpan; // the upload takes as long as the series is long; cancellation bounds it
        long[] ts = bars.Timestamps;
        double[] open = bars.Open, high = bars.High, low = bars.Low, close = bars.Close, volume = bars.Volume;
        for (int i = 0; i < ts.Length; i++)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(UtcMicroseconds.ToDateTime(ts[i]), NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(open[i], NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(high[i], NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(low[i], NpgsqlDbType.Double, cancellationToken);
            await copy.WriteAsync(close[i], NpgsqlDbType.Double, cancellationToken);
            // A bar without volume (NaN) is stored as NULL, which SQL reads as unknown; PostgreSQL's
            // NaN would pass the CHECK and sum as a number.
            if (double.IsNaN(volume[i]))
            {
                await copy.WriteNullAsync(cancellationToken);
            }
            else
            {
                await copy.WriteAsync(volume[i], NpgsqlDbType.Double, cancellationToken);
            }

            if ((i + 1) % ProgressEvery == 0)
            {
                progress?.Report(i + 1);
            }
        }

        await copy.CompleteAsync(cancellationToken);
        progress?.Report(ts.Length);
    }
}
