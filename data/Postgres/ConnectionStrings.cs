using Npgsql;

namespace QuantCluster.Data.Postgres;

/// <summary>
/// Where a process gets its PostgreSQL connection string: an explicit option, else $QUANT_DB.
/// Secrets stay out of command lines, where any user of the machine can read them in the process
/// list: a password goes in PGPASSWORD, ~/.pgpass or QUANT_DB, and an option holding one is refused.
/// </summary>
public static class ConnectionStrings
{
    public const string Variable = "QUANT_DB";

    public const string Example = "\"Host=localhost;Username=quant;Database=quant\"";

    /// <summary>The connection string from the option or QUANT_DB, or null when neither is set.</summary>
    /// <exception cref="ArgumentException">The option's text is not a connection string, or holds a password.</exception>
    public static string? Resolve(string? given, string optionName = "--db")
    {
        if (given is { Length: > 0 })
        {
            if (Parse(given, optionName).Password is { Length: > 0 })
            {
                throw new ArgumentException(
                    $"{optionName} holds a password, which anyone on this machine can read in the process list: set PGPASSWORD, use ~/.pgpass, or export {Variable} with the whole connection string");
            }

            return given;
        }

        return Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
    }

    /// <summary>As <see cref="Resolve"/>, but a missing connection string is an error that says how to give one.</summary>
    public static string Require(string? given, string optionName = "--db") =>
        Resolve(given, optionName) ?? throw new ArgumentException($"no database given: pass {optionName} {Example} or export {Variable}={Example}");

    private static NpgsqlConnectionStringBuilder Parse(string connectionString, string optionName)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{optionName} is not a PostgreSQL connection string ({e.Message}); e.g. {Example}", e);
        }
    }

    /// <summary>
    /// The connection string's settings, with <paramref name="applicationName"/> unless it names one itself:
    /// what pg_stat_activity shows for the connection, so an operator tells the bar store's sessions from the
    /// results store's and the schema runner's.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    public static NpgsqlConnectionStringBuilder Settings(string connectionString, string applicationName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = applicationName;
        }

        return settings;
    }
}
