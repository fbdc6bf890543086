using Npgsql;
using NpgsqlTypes;

namespace QuantCluster.Grains.Store.Postgres;

/// <summary>Typed parameters, the only way values reach the store's statements.</summary>
internal static class CommandParameters
{
    public static NpgsqlCommand With<T>(this NpgsqlCommand command, string name, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        return command;
    }

    public static NpgsqlCommand WithJson(this NpgsqlCommand command, string name, string json)
    {
        command.Parameters.Add(new NpgsqlParameter<string>(name, NpgsqlDbType.Jsonb) { TypedValue = json });
        return command;
    }

    /// <summary>A text parameter that may be null (a generic parameter cannot infer a type from null).</summary>
    public static NpgsqlCommand WithText(this NpgsqlCommand command, string name, string? text)
    {
        command.Parameters.Add(new NpgsqlParameter<string?>(name, NpgsqlDbType.Text) { TypedValue = text });
        return command;
    }
}
