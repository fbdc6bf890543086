using System.CommandLine;
using Npgsql;
using QuantCluster.Data.Postgres;

namespace QuantCluster.Client.Commands.Data;

/// <summary>
/// `--db CONN`: the PostgreSQL bar store, defaulting to $QUANT_DB. Secrets stay out of the command
/// line, where any user of the machine can read them in the process list: a password goes in
/// PGPASSWORD, ~/.pgpass or QUANT_DB, and --db refuses one.
/// </summary>
internal sealed class DatabaseOption
{
    public const string Variable = "QUANT_DB";

    private const string Example = "\"Host=localhost;Username=quant;Database=quant\"";

    public Option<string?> Option { get; } = new("--db")
    {
        Description = $"PostgreSQL connection string, e.g. {Example} (default: ${Variable}). " +
            $"Give a password through PGPASSWORD, ~/.pgpass or {Variable}, never here.",
    };

    public Task<PostgresBarStore> OpenStoreAsync(ParseResult parse) => PostgresBarStore.OpenAsync(ConnectionString(parse));

    /// <summary>The connection string from --db or QUANT_DB; an <see cref="ArgumentException"/> saying how to give one when neither is set.</summary>
    public string ConnectionString(ParseResult parse)
    {
        if (parse.GetValue(Option) is { Length: > 0 } given)
        {
            if (Parse(given).Password is { Length: > 0 })
            {
                throw new ArgumentException(
                    $"--db holds a password, which anyone on this machine can read in the process list: set PGPASSWORD, use ~/.pgpass, or export {Variable} with the whole connection string");
            }

            return given;
        }

        return Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : throw new ArgumentException($"no database given: pass --db {Example} or export {Variable}={Example}");
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--db is not a PostgreSQL connection string ({e.Message}); e.g. {Example}", e);
        }
    }
}
