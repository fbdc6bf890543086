using Npgsql;
using QuantCluster.Contracts;
using QuantCluster.Data.Postgres.Migrations;

namespace QuantCluster.Grains.Store.Postgres;

/// <summary>
/// The cluster store in PostgreSQL (ARCHITECTURE.md, "The store"), the same database the bar store
/// uses. Every operation is one short statement, except completion: one transaction that fences the
/// item, copies its results in and notifies, so an item's results are stored exactly when it is
/// completed. Times come from the clock passed in: silos compare leases and heartbeats written by
/// each other's clocks, so their clocks must agree to well within a lease (NTP, as Orleans assumes).
/// A database failure surfaces as a <see cref="ClusterStoreException"/> naming the server and the
/// operation. Thread-safe: each call takes its own pooled connection.
/// </summary>
public sealed class PostgresClusterStore : IClusterStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;
    private readonly ClusterDatabase _database;
    private readonly TimeProvider _clock;
    private readonly ClusterStoreOptions _options;

    private PostgresClusterStore(
        NpgsqlDataSource dataSource, string connectionString, ClusterDatabase database, TimeProvider clock, ClusterStoreOptions options)
    {
        _dataSource = dataSource;
        _connectionString = connectionString;
        _database = database;
        _clock = clock;
        _options = options;
    }

    /// <summary>Connects and brings the schema up to date: the bar store's migrations and the cluster's, by the one runner.</summary>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    /// <exception cref="ClusterStoreException">The server cannot be reached, refuses the login, or a migration fails.</exception>
    public static async Task<PostgresClusterStore> OpenAsync(
        string connectionString, TimeProvider clock, ClusterStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(clock);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = "quantcluster-store";
        }

        var database = new ClusterDatabase(settings);
        var dataSource = NpgsqlDataSource.Create(settings);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await SchemaMigrations.ApplyAsync(connection, M1001ClusterTables.All, cancellationToken);
            return new PostgresClusterStore(dataSource, settings.ConnectionString, database, clock, options ?? new ClusterStoreOptions());
        }
        catch (NpgsqlException e)
        {
            await dataSource.DisposeAsync();
            throw database.Failure("opening", e);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    public Task RegisterSiloAsync(SiloRegistration silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(silo.SiloId);
        return RunAsync($"registration of silo {silo.SiloId}", () => ExecuteAsync(
            Command(ClusterSql.RegisterSilo).With("silo", silo.SiloId).With("host", silo.Host)
                .With("started", silo.StartedAt.ToUniversalTime()).With("now", _clock.GetUtcNow()),
            cancellationToken));
    }

    public Task<bool> HeartbeatAsync(string siloId, CancellationToken cancellationToken = default) =>
        RunAsync($"heartbeat of silo {siloId}", async () =>
            await ExecuteAsync(Command(ClusterSql.Heartbeat).With("silo", siloId).With("now", _clock.GetUtcNow()), cancellationToken) == 1);

    public Task<IReadOnlyList<SiloEntry>> ListActiveSilosAsync(CancellationToken cancellationToken = default) =>
        RunAsync("listing of active silos", () => ReadAllAsync(
            Command(ClusterSql.ActiveSilos),
            row => new SiloEntry(
                row.GetString(0), row.GetString(1), row.GetFieldValue<DateTimeOffset>(2), row.GetFieldValue<DateTimeOffset>(3), SiloStatus.Active),
            cancellationToken));

    public Task<IReadOnlyList<string>> DeclareDeadSilosAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        return RunAsync("declaring silos dead", () => ReadAllAsync(
            Command(ClusterSql.DeclareDead).With("cutoff", now - timeout).With("now", now),
            row => row.GetString(0),
            cancellationToken));
    }

    public Task LeaveAsync(string siloId, CancellationToken cancellationToken = default) =>
        RunAsync($"leaving of silo {siloId}", () => ExecuteAsync(Command(ClusterSql.Leave).With("silo", siloId), cancellationToken));

    public Task<JobRecord> CreateJobAsync(JobSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = _clock.GetUtcNow();
        return RunAsync("creation of a job", async () => (await ReadAllAsync(
            Command(ClusterSql.CreateJob).With("job", Guid.CreateVersion7(now)).WithJson("spec", ClusterJson.Write(spec)).With("now", now),
            JobRows.Read,
            cancellationToken))[0]);
    }

    public Task<JobRecord?> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        RunAsync($"reading of job {jobId}", async () =>
            await ReadAllAsync(Command(ClusterSql.GetJob).With("job", jobId), JobRows.Read, cancellationToken) is [var job] ? job : null);

    public Task<IReadOnlyList<JobRecord>> ListJobsAsync(CancellationToken cancellationToken = default) =>
        RunAsync("listing of jobs", () => ReadAllAsync(Command(ClusterSql.ListJobs), JobRows.Read, cancellationToken));

    public Task<bool> TryAcquireJobLeaseAsync(Guid jobId, string siloId, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siloId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _clock.GetUtcNow();
        return RunAsync($"lease of job {jobId}", async () => await ExecuteAsync(
            Command(ClusterSql.AcquireJobLease).With("job", jobId).With("silo", siloId).With("now", now).With("until", now + duration),
            cancellationToken) == 1);
    }

    public Task<bool> RenewJobLeaseAsync(Guid jobId, string siloId, TimeSpan duration, CancellationToken cancellationToken = default) =>
        RunAsync($"lease renewal of job {jobId}", async () => await ExecuteAsync(
            Command(ClusterSql.RenewJobLease).With("job", jobId).With("silo", siloId).With("until", _clock.GetUtcNow() + duration),
            cancellationToken) == 1);

    public Task ReleaseJobLeaseAsync(Guid jobId, string siloId, CancellationToken cancellationToken = default) =>
        RunAsync($"lease release of job {jobId}", () => ExecuteAsync(
            Command(ClusterSql.ReleaseJobLease).With("job", jobId).With("silo", siloId), cancellationToken));

    public Task<JobRecord> UpdateJobAsync(JobStateUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return RunAsync($"update of job {update.JobId}", async () =>
        {
            var updated = await ReadAllAsync(
                Command(ClusterSql.UpdateJob).With("job", update.JobId).With("expected", update.ExpectedVersion)
                    .With("status", JobStatusText.Of(update.Status)).With("phase", update.Phase).WithText("state", update.State)
                    .With("now", _clock.GetUtcNow()),
                JobRows.Read,
                cancellationToken);
            if (updated.Count == 1)
            {
                return updated[0];
            }

            long current = await CurrentVersionAsync(update.JobId, cancellationToken);
            throw new JobVersionConflictException(update.JobId, update.ExpectedVersion, current);
        });
    }

    public Task<bool> CancelJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        RunAsync($"cancellation of job {jobId}", async () =>
        {
            if (await ExecuteAsync(Command(ClusterSql.CancelJob).With("job", jobId).With("now", _clock.GetUtcNow()), cancellationToken) == 1)
            {
                return true;
            }

            await CurrentVersionAsync(jobId, cancellationToken); // throws when there is no such job
            return false;
        });

    public Task<int> AddWorkItemsAsync(Guid jobId, IReadOnlyList<NewWorkItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return RunAsync($"adding work items to job {jobId}", async () =>
        {
            try
            {
                return await ExecuteAsync(
                    Command(ClusterSql.AddWorkItems).With("job", jobId)
                        .With("indexes", items.Select(i => i.ItemIndex).ToArray())
                        .With("phases", items.Select(i => i.Phase).ToArray())
                        .With("payloads", items.Select(i => i.Payload).ToArray()),
                    cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new KeyNotFoundException($"There is no job {jobId}.", e);
            }
        });
    }

    public Task<IReadOnlyList<ClaimedWorkItem>> ClaimWorkItemsAsync(
        string siloId, int maxItems, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siloId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = _clock.GetUtcNow();
        return RunAsync($"claim of work items by silo {siloId}", () => ReadAllAsync(
            Command(ClusterSql.ClaimWorkItems).With("silo", siloId).With("max", maxItems).With("now", now).With("until", now + lease)
                .With("limit", _options.PoisonLimit),
            row => new ClaimedWorkItem(
                row.GetGuid(0), row.GetInt64(1), row.GetInt32(2), row.GetString(3), row.GetInt32(4), row.GetFieldValue<DateTimeOffset>(5)),
            cancellationToken));
    }

    public Task<CompletionOutcome> CompleteWorkItemAsync(
        ClaimedWorkItem item, IReadOnlyList<EvaluationResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ResultsCheck.EnsureAllBelongTo(item, results);
        return RunAsync($"completion of item {item.ItemIndex} of job {item.JobId}", async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await ExecuteAsync(Fenced(ClusterSql.CompleteWorkItem, connection, item), cancellationToken) == 0)
            {
                await using var check = Fenced(ClusterSql.CompletedByAttempt, connection, item);
                return (bool)(await check.ExecuteScalarAsync(cancellationToken))!
                    ? CompletionOutcome.AlreadyCompleted
                    : CompletionOutcome.Lost;
            }

            await ResultUpload.CopyAsync(connection, item.JobId, results, cancellationToken);
            await ExecuteAsync(new NpgsqlCommand(ClusterSql.NotifyProgress, connection).With("job", item.JobId.ToString()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CompletionOutcome.Completed;
        });
    }

    public Task<FailureOutcome> FailWorkItemAsync(ClaimedWorkItem item, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(error);
        return RunAsync($"failure of item {item.ItemIndex} of job {item.JobId}", async () =>
        {
            await using var command = Command(ClusterSql.FailWorkItem).With("job", item.JobId).With("item", item.ItemIndex)
                .With("attempt", item.Attempt).With("error", error).With("limit", _options.PoisonLimit);
            return await command.ExecuteScalarAsync(cancellationToken) switch
            {
                "poisoned" => FailureOutcome.Poisoned,
                "pending" => FailureOutcome.WillRetry,
                _ => FailureOutcome.Lost,
            };
        });
    }

    public Task<int> ReleaseWorkItemsAsync(string siloId, CancellationToken cancellationToken = default) =>
        RunAsync($"release of silo {siloId}'s work items", () =>
            ExecuteAsync(Command(ClusterSql.ReleaseWorkItems).With("silo", siloId), cancellationToken));

    public Task<WorkItemCounts> CountWorkItemsAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        RunAsync($"counting of job {jobId}'s work items", async () =>
        {
            var counts = (await ReadAllAsync(
                Command(ClusterSql.CountWorkItems).With("job", jobId), row => (State: row.GetString(0), Count: row.GetInt64(1)), cancellationToken))
                .ToDictionary(c => c.State, c => c.Count);
            return new WorkItemCounts(
                counts.GetValueOrDefault("pending"), counts.GetValueOrDefault("claimed"),
                counts.GetValueOrDefault("completed"), counts.GetValueOrDefault("poisoned"));
        });

    public Task<IReadOnlyList<PoisonedWorkItem>> ListPoisonedWorkItemsAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        RunAsync($"listing of job {jobId}'s poisoned items", () => ReadAllAsync(
            Command(ClusterSql.PoisonedWorkItems).With("job", jobId),
            row => new PoisonedWorkItem(jobId, row.GetInt64(0), row.GetInt32(1), row.GetString(2)),
            cancellationToken));

    public Task<IReadOnlyList<EvaluationResult>> ReadResultsAsync(
        Guid jobId, long fromItem = 0, long toItem = long.MaxValue, CancellationToken cancellationToken = default) =>
        RunAsync($"reading of job {jobId}'s results", () => ReadAllAsync(
            Command(ClusterSql.ReadResults).With("job", jobId).With("from", fromItem).With("to", toItem),
            row => new EvaluationResult(
                row.GetInt64(0), ClusterJson.Read<Dictionary<string, double>>(row.GetString(1)), ClusterJson.Read<Metrics>(row.GetString(2))),
            cancellationToken));

    public Task<IJobProgressSubscription> SubscribeToProgressAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IJobProgressSubscription>(
            "subscription to progress", async () => await PostgresProgressSubscription.StartAsync(_connectionString, _database, cancellationToken));

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private NpgsqlCommand Command(string sql) => _dataSource.CreateCommand(sql);

    private static NpgsqlCommand Fenced(string sql, NpgsqlConnection connection, ClaimedWorkItem item) =>
        new NpgsqlCommand(sql, connection).With("job", item.JobId).With("item", item.ItemIndex).With("attempt", item.Attempt);

    private async Task<long> CurrentVersionAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = Command(ClusterSql.JobVersion).With("job", jobId);
        return await command.ExecuteScalarAsync(cancellationToken) is long version
            ? version
            : throw new KeyNotFoundException($"There is no job {jobId}.");
    }

    private static async Task<int> ExecuteAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

    private async Task<T> RunAsync<T>(string operation, Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (NpgsqlException e)
        {
            throw _database.Failure(operation, e);
        }
    }
}
