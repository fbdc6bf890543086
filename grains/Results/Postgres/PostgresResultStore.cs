using System.Data;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Npgsql;
using QuantCluster.Contracts;
using QuantCluster.Data.Postgres;

namespace QuantCluster.Grains.Results.Postgres;

/// <summary>
/// The results store in PostgreSQL (sweep_result_items and sweep_results, migration 1002, which
/// ClusterSchema applies; this class never migrates). A store is one transaction: the fence row, then
/// the item's results by binary COPY. Thread-safe: each call takes its own pooled connection. A
/// database failure surfaces as a <see cref="ResultStoreException"/> naming the server and the operation.
/// </summary>
public sealed class PostgresResultStore : IResultStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly DatabaseEndpoint _endpoint;

    private PostgresResultStore(NpgsqlDataSource dataSource, DatabaseEndpoint endpoint)
    {
        _dataSource = dataSource;
        _endpoint = endpoint;
    }

    /// <summary>Connects once, so that a wrong address or login fails at start-up rather than at the first item.</summary>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    /// <exception cref="ResultStoreException">The server cannot be reached or refuses the login.</exception>
    public static async Task<PostgresResultStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var settings = ConnectionStrings.Settings(connectionString, "quantcluster-results");

        var store = new PostgresResultStore(NpgsqlDataSource.Create(settings), new DatabaseEndpoint(settings));
        try
        {
            await store.RunAsync("opening", async () =>
            {
                await using var connection = await store._dataSource.OpenConnectionAsync(cancellationToken);
                return true;
            });
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public Task<bool> StoreAsync(
        Guid jobId, long itemIndex, IReadOnlyList<string> parameterNames, IReadOnlyList<EvaluationResult> results,
        CancellationToken cancellationToken = default)
    {
        var parameters = ResultParameters.InOrder(itemIndex, parameterNames, results);
        return RunAsync($"storing of item {itemIndex} of job {jobId}", async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var fence = new NpgsqlCommand(ResultsSql.Fence, connection, transaction))
            {
                fence.Parameters.Add(new NpgsqlParameter<Guid>("job", jobId));
                fence.Parameters.Add(new NpgsqlParameter<long>("item", itemIndex));
                fence.Parameters.Add(new NpgsqlParameter<int>("sets", results.Count));
                if (await fence.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    return false; // already stored: the transaction rolls back having written nothing
                }
            }

            await SweepResultColumns.CopyAsync(connection, jobId, itemIndex, parameters, results, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    public async IAsyncEnumerable<EvaluationResult> ReadAsync(
        Guid jobId, IReadOnlyList<string> parameterNames, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ResultParameters.EnsureDistinct(parameterNames);
        string operation = $"reading of job {jobId}'s results";

        // An iterator cannot yield inside a try with a catch, so each step that touches the server is wrapped on its own.
        // The reader streams: rows come off the socket as they are consumed, and the server waits while the caller is slow.
        await using var connection = await RunAsync(operation, () => _dataSource.OpenConnectionAsync(cancellationToken).AsTask());
        await using var command = new NpgsqlCommand(ResultsSql.Read, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid>("job", jobId));
        await using var reader = await RunAsync(operation, () => command.ExecuteReaderAsync(cancellationToken));
        bool allRead = false;
        try
        {
            while (await RunAsync(operation, () => reader.ReadAsync(cancellationToken)))
            {
                yield return SweepResultColumns.Read(reader, parameterNames);
            }

            allRead = true;
        }
        finally
        {
            // A caller that stops early (a top few) would otherwise wait while disposing the reader drains every
            // remaining row of the job. Not after a failure: a broken connection has nothing left to cancel.
            if (!allRead && connection.FullState.HasFlag(ConnectionState.Fetching))
            {
                CancelQuietly(command);
            }
        }
    }

    public Task<StoredResultCounts> CountAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        RunAsync($"counting of job {jobId}'s results", async () =>
        {
            await using var command = _dataSource.CreateCommand(ResultsSql.Count);
            command.Parameters.Add(new NpgsqlParameter<Guid>("job", jobId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new StoredResultCounts(reader.GetInt64(0), reader.GetInt64(1));
        });

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // Npgsql's Cancel returns once the server has the request, so the pooled connection cannot carry it to a later query.
    // Should the request fail, disposing the reader drains the rows instead: slower, and still correct.
    private static void CancelQuietly(NpgsqlCommand command)
    {
        try
        {
            command.Cancel();
        }
        catch (Exception e) when (e is NpgsqlException or SocketException)
        {
        }
    }

    private async Task<T> RunAsync<T>(string operation, Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is NpgsqlException or SocketException)
        {
            throw new ResultStoreException(_endpoint.Describe($"the results store's {operation}", e), e);
        }
    }
}
