using System.Threading.Channels;
using Npgsql;

namespace QuantCluster.Grains.Store.Postgres;

/// <summary>
/// LISTEN on a connection of its own, outside the pool (a pooled connection would carry the LISTEN
/// to its next user). A loop waits for notifications and turns each payload into a job id. If the
/// connection is lost the reader completes with a <see cref="ClusterStoreException"/>, and callers
/// carry on by polling.
/// </summary>
internal sealed class PostgresProgressSubscription : IJobProgressSubscription
{
    private readonly NpgsqlConnection _connection;
    private readonly ClusterDatabase _database;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Guid> _events = Channel.CreateBounded<Guid>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    private Task _waiting = Task.CompletedTask;

    private PostgresProgressSubscription(NpgsqlConnection connection, ClusterDatabase database)
    {
        _connection = connection;
        _database = database;
        _connection.Notification += (_, e) =>
        {
            if (Guid.TryParse(e.Payload, out var jobId))
            {
                _events.Writer.TryWrite(jobId);
            }
        };
    }

    public ChannelReader<Guid> Jobs => _events.Reader;

    /// <summary>Returns once LISTEN has run, so no completion after this call goes unannounced.</summary>
    public static async Task<PostgresProgressSubscription> StartAsync(
        string connectionString, ClusterDatabase database, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var subscription = new PostgresProgressSubscription(connection, database);
            await using (var listen = new NpgsqlCommand(ClusterSql.Listen, connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }

            subscription._waiting = subscription.WaitForNotificationsAsync();
            return subscription;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _waiting;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    private async Task WaitForNotificationsAsync()
    {
        try
        {
            while (true)
            {
                await _connection.WaitAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            _events.Writer.TryComplete();
        }
        catch (NpgsqlException e)
        {
            _events.Writer.TryComplete(_database.Failure("progress subscription", e));
        }
    }
}
