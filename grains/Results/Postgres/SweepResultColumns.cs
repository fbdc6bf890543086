using Npgsql;
using NpgsqlTypes;
using QuantCluster.Contracts;

namespace QuantCluster.Grains.Results.Postgres;

/// <summary>
/// A result as a row of sweep_results, in the column order of <see cref="ResultsSql"/>. Binary COPY
/// sends each double as its eight IEEE 754 bytes, so NaN and the infinities arrive as they left.
/// </summary>
internal static class SweepResultColumns
{
    /// <summary>Copies an item's results in, one round trip however many there are.</summary>
    public static async Task CopyAsync(
        NpgsqlConnection connection, Guid jobId, long itemIndex, double[][] parameters, IReadOnlyList<EvaluationResult> results,
        CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(ResultsSql.Copy, cancellationToken);
        for (int ordinal = 0; ordinal < results.Count; ordinal++)
        {
            var m = results[ordinal].Metrics;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(jobId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(itemIndex, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(parameters[ordinal], NpgsqlDbType.Array | NpgsqlDbType.Double, cancellationToken);
            foreach (double value in (double[])[m.TotalReturn, m.Cagr, m.Volatility, m.Sharpe, m.Sortino, m.MaxDrawdown, m.Calmar])
            {
                await copy.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);
            }

            await copy.WriteAsync(m.Fills, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(m.Trades, NpgsqlDbType.Integer, cancellationToken);
            foreach (double value in (double[])[m.WinRate, m.ProfitFactor, m.AvgTrade, m.Exposure, m.Var95, m.Cvar95, m.UlcerIndex])
            {
                await copy.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The reader's current row of <see cref="ResultsSql.Read"/> as a result.</summary>
    public static EvaluationResult Read(NpgsqlDataReader row, IReadOnlyList<string> parameterNames)
    {
        long itemIndex = row.GetInt64(0);
        var metrics = new Metrics
        {
            TotalReturn = row.GetDouble(2),
            Cagr = row.GetDouble(3),
            Volatility = row.GetDouble(4),
            Sharpe = row.GetDouble(5),
            Sortino = row.GetDouble(6),
            MaxDrawdown = row.GetDouble(7),
            Calmar = row.GetDouble(8),
            Fills = row.GetInt32(9),
            Trades = row.GetInt32(10),
            WinRate = row.GetDouble(11),
            ProfitFactor = row.GetDouble(12),
            AvgTrade = row.GetDouble(13),
            Exposure = row.GetDouble(14),
            Var95 = row.GetDouble(15),
            Cvar95 = row.GetDouble(16),
            UlcerIndex = row.GetDouble(17),
        };
        return new EvaluationResult(itemIndex, ResultParameters.Named(parameterNames, row.GetFieldValue<double[]>(1), itemIndex), metrics);
    }
}
