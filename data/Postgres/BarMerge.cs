using Npgsql;
using NpgsqlTypes;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Postgres;

/// <summary>
/// The import's write to the shared tables, inside its transaction and after the upload: staged
/// bars into bars, then the series' coverage. Nothing is visible to others until the commit.
/// </summary>
internal static class BarMerge
{
    public static async Task<BarImportResult> RunAsync(
        NpgsqlConnection connection, BarSeries bars, Timeframe frame, string source, CancellationToken cancellationToken)
    {
        await using (var turn = SeriesCommand(BarSql.LockSeries, connection, bars, frame))
        {
            turn.CommandTimeout = 0; // waits for another import of the series, however long it is
            await turn.ExecuteNonQueryAsync(cancellationToken);
        }

        bool overlaps;
        await using (var check = RangeCommand(BarSql.Overlaps, connection, bars, frame))
        {
            overlaps = (bool)(await check.ExecuteScalarAsync(cancellationToken))!;
        }

        long inserted, replaced = 0;
        if (overlaps)
        {
            await using var merge = SeriesCommand(BarSql.MergeStaging, connection, bars, frame);
            merge.CommandTimeout = 0;
            await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (inserted, replaced) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        else
        {
            await using var insert = SeriesCommand(BarSql.InsertStaging, connection, bars, frame);
            insert.CommandTimeout = 0;
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var coverage = RangeCommand(BarSql.UpdateCoverage, connection, bars, frame))
        {
            coverage.Parameters.Add(new NpgsqlParameter<long>("inserted", NpgsqlDbType.Bigint) { TypedValue = inserted });
            coverage.Parameters.Add(new NpgsqlParameter<string>("source", NpgsqlDbType.Text) { TypedValue = source });
            await coverage.ExecuteNonQueryAsync(cancellationToken);
        }

        return new BarImportResult(inserted, replaced, bars.Count - inserted - replaced);
    }

    private static NpgsqlCommand SeriesCommand(string sql, NpgsqlConnection connection, BarSeries bars, Timeframe frame) =>
        SeriesParameters.Add(new NpgsqlCommand(sql, connection), bars.Symbol, frame);

    private static NpgsqlCommand RangeCommand(string sql, NpgsqlConnection connection, BarSeries bars, Timeframe frame) =>
        SeriesParameters.Add(
            new NpgsqlCommand(sql, connection), bars.Symbol, frame,
            UtcMicroseconds.ToDateTime(bars.Timestamps[0]), UtcMicroseconds.ToDateTime(bars.Timestamps[^1]));
}
