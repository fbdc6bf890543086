using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using QuantCluster.Data.Postgres;

namespace QuantCluster.Grains.Tokens;

/// <summary>
/// The HTTP API's tokens and the jobs each submitted, in the cluster's PostgreSQL database (migration
/// 1004, which ClusterSchema applies). Thread-safe: every call takes a pooled connection. A database
/// failure surfaces as an <see cref="IOException"/> naming the server and the operation.
/// </summary>
public sealed class PostgresTokenStore : IAsyncDisposable
{
    /// <summary>Requests a second a token may make unless it was created with another rate.</summary>
    public const int DefaultRatePerSecond = 100;

    private const string Prefix = "qc_";
    private const string Columns = "id, name, is_admin, rate_per_sec, created_at, revoked_at";

    private readonly NpgsqlDataSource _dataSource;
    private readonly DatabaseEndpoint _endpoint;

    private PostgresTokenStore(NpgsqlDataSource dataSource, DatabaseEndpoint endpoint)
    {
        _dataSource = dataSource;
        _endpoint = endpoint;
    }

    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    public static PostgresTokenStore Open(string connectionString)
    {
        var settings = ConnectionStrings.Settings(connectionString, "quantcluster-api");
        return new PostgresTokenStore(NpgsqlDataSource.Create(settings), new DatabaseEndpoint(settings));
    }

    /// <summary>Creates a token; its secret is in the result and nowhere else.</summary>
    /// <exception cref="ArgumentException">The name is empty or held by a token not revoked, or the rate is not positive.</exception>
    public async Task<IssuedToken> CreateAsync(string name, bool isAdmin, int ratePerSecond, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new ArgumentException("A token's name must be 1 to 100 characters.");
        }

        if (ratePerSecond < 1)
        {
            throw new ArgumentException($"A token's rate must be at least 1 request a second; got {ratePerSecond}.");
        }

        string secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var id = Guid.CreateVersion7();
        try
        {
            return await RunAsync($"creating token '{name}'", async connection =>
            {
                await using var command = new NpgsqlCommand(
                    $"INSERT INTO api_tokens (id, name, hash, is_admin, rate_per_sec) VALUES ($1, $2, $3, $4, $5) RETURNING {Columns}", connection);
                command.Parameters.Add(new() { Value = id });
                command.Parameters.Add(new() { Value = name });
                command.Parameters.Add(new() { Value = Hash(secret) });
                command.Parameters.Add(new() { Value = isAdmin });
                command.Parameters.Add(new() { Value = ratePerSecond });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return new IssuedToken(Read(reader), secret);
            }, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ArgumentException($"There is already a token named '{name}'; revoke it first (quant token revoke {name}) or choose another name.", e);
        }
    }

    /// <summary>Every token, revoked ones included, oldest first.</summary>
    public Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default) =>
        RunAsync("listing the tokens", async connection =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_tokens ORDER BY created_at, id", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var tokens = new List<ApiToken>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tokens.Add(Read(reader));
            }

            return (IReadOnlyList<ApiToken>)tokens;
        }, cancellationToken);

    /// <summary>Revokes the live token of that name: it is refused from the next request on.</summary>
    /// <exception cref="KeyNotFoundException">No token of that name is live.</exception>
    public async Task<ApiToken> RevokeAsync(string name, CancellationToken cancellationToken = default) =>
        await RunAsync($"revoking token '{name}'", async connection =>
        {
            await using var command = new NpgsqlCommand(
                $"UPDATE api_tokens SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL RETURNING {Columns}", connection);
            command.Parameters.Add(new() { Value = name });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }, cancellationToken) ?? throw new KeyNotFoundException($"There is no live token named '{name}'; see quant token list.");

    /// <summary>The live token whose secret this is; null for an unknown or revoked one.</summary>
    public Task<ApiToken?> FindAsync(string secret, CancellationToken cancellationToken = default) =>
        !secret.StartsWith(Prefix, StringComparison.Ordinal) ? Task.FromResult<ApiToken?>(null) : RunAsync("checking a token", async connection =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_tokens WHERE hash = $1 AND revoked_at IS NULL", connection);
            command.Parameters.Add(new() { Value = Hash(secret) });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }, cancellationToken);

    /// <summary>Records that the token submitted the job.</summary>
    public Task RecordOwnerAsync(Guid jobId, Guid tokenId, CancellationToken cancellationToken = default) =>
        RunAsync($"recording job {jobId}'s owner", async connection =>
        {
            await using var command = new NpgsqlCommand("INSERT INTO api_job_owners (job_id, token_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", connection);
            command.Parameters.Add(new() { Value = jobId });
            command.Parameters.Add(new() { Value = tokenId });
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Whether the token submitted the job.</summary>
    public Task<bool> OwnsAsync(Guid tokenId, Guid jobId, CancellationToken cancellationToken = default) =>
        RunAsync($"reading job {jobId}'s owner", async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM api_job_owners WHERE job_id = $1 AND token_id = $2)", connection);
            command.Parameters.Add(new() { Value = jobId });
            command.Parameters.Add(new() { Value = tokenId });
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    /// <summary>The jobs the token submitted.</summary>
    public Task<IReadOnlySet<Guid>> JobsOfAsync(Guid tokenId, CancellationToken cancellationToken = default) =>
        RunAsync("reading a token's jobs", async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT job_id FROM api_job_owners WHERE token_id = $1", connection);
            command.Parameters.Add(new() { Value = tokenId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var jobs = new HashSet<Guid>();
            while (await reader.ReadAsync(cancellationToken))
            {
                jobs.Add(reader.GetGuid(0));
            }

            return (IReadOnlySet<Guid>)jobs;
        }, cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static ApiToken Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2), reader.GetInt32(3),
        reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));

    private async Task<T> RunAsync<T>(string operation, Func<NpgsqlConnection, Task<T>> body, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await body(connection);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException)
        {
            throw new IOException(_endpoint.Describe($"the token store's {operation}", e), e);
        }
    }
}
