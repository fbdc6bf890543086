using Npgsql;
using NpgsqlTypes;

namespace QuantCluster.Data.Postgres;

/// <summary>The @symbol and @timeframe (canonical) parameters that name a series in every statement of <see cref="BarSql"/>.</summary>
internal static class SeriesParameters
{
    public static NpgsqlCommand Add(NpgsqlCommand command, string symbol, Timeframe frame)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("symbol", NpgsqlDbType.Text) { TypedValue = symbol });
        command.Parameters.Add(new NpgsqlParameter<string>("timeframe", NpgsqlDbType.Text) { TypedValue = frame.ToString() });
        return command;
    }

    /// <summary>Also @first and @last: a time range, both ends included.</summary>
    public static NpgsqlCommand Add(NpgsqlCommand command, string symbol, Timeframe frame, DateTime first, DateTime last)
    {
        Add(command, symbol, frame);
        command.Parameters.Add(new NpgsqlParameter<DateTime>("first", NpgsqlDbType.TimestampTz) { TypedValue = first });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("last", NpgsqlDbType.TimestampTz) { TypedValue = last });
        return command;
    }
}
