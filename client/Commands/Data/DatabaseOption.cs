using System.CommandLine;
using QuantCluster.Data.Postgres;

namespace QuantCluster.Client.Commands.Data;

/// <summary>`--db CONN`: a PostgreSQL database, defaulting to $QUANT_DB; see <see cref="ConnectionStrings"/> for why a password is refused here.</summary>
internal sealed class DatabaseOption
{
    public Option<string?> Option { get; } = new("--db")
    {
        Description = $"PostgreSQL connection string, e.g. {ConnectionStrings.Example} (default: ${ConnectionStrings.Variable}). " +
            $"Give a password through PGPASSWORD, ~/.pgpass or {ConnectionStrings.Variable}, never here.",
    };

    public Task<PostgresBarStore> OpenStoreAsync(ParseResult parse) => PostgresBarStore.OpenAsync(ConnectionString(parse));

    /// <summary>The connection string from --db or QUANT_DB; an <see cref="ArgumentException"/> saying how to give one when neither is set.</summary>
    public string ConnectionString(ParseResult parse) => ConnectionStrings.Require(parse.GetValue(Option));

    /// <summary>The connection string from --db or QUANT_DB, or null for neither (a local cluster then).</summary>
    public string? OptionalConnectionString(ParseResult parse) => ConnectionStrings.Resolve(parse.GetValue(Option));
}
