using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Npgsql;
using QuantCluster.Contracts;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Store.Postgres;

namespace QuantCluster.Benchmarks;

/// <summary>
/// The ceiling of the PostgreSQL work queue itself: work items claimed and completed per second
/// when evaluating an item costs nothing, so the figure is the queue's overhead alone. Each worker
/// is a silo of its own running the evaluation worker's loop without the evaluation: claim up to
/// <see cref="ClaimBatch"/> items, complete each at once with one trivial result, until nothing is
/// left to claim. Every iteration drains a fresh job of 5,000 items; one operation is one item, so
/// the Op/s column is items per second. The server comes from QUANT_DB:
///   eval "$(eng/postgres.sh start)"
///   QUANT_DB=$QUANT_TEST_DB dotnet run -c Release --project bench/QuantCluster.Benchmarks -- --filter '*Queue*'
///   eng/postgres.sh stop
/// Claims take the open items of every job in the database, so it refuses to start while another
/// job has open items, and it deletes only its own jobs; still, a throwaway database is the place to run it.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[OperationsPerSecond]
// Client and server share the machine's cores, so an iteration that anything else on the machine
// slows shows as an outlier; the median says more than the mean then.
[MedianColumn]
public class WorkQueueThroughput
{
    private const int ItemsPerJob = 5_000;

    // The benchmark's jobs carry this strategy name, so a run can find and remove what an interrupted one left.
    private const string BenchmarkStrategy = "__bench_queue__";

    private const string DeleteBenchmarkJobs = "DELETE FROM jobs WHERE spec ->> 'strategy' = @strategy";

    private const string CountOpenItemsOfOtherJobs = """
        SELECT count(*) FROM work_items w JOIN jobs j ON j.job_id = w.job_id
        WHERE w.state IN ('pending', 'claimed') AND j.status IN ('pending', 'running') AND j.spec ->> 'strategy' <> @strategy
        """;

    // The deleted jobs leave dead rows in the queue tables; vacuuming them before every iteration
    // keeps a later iteration from scanning an earlier one's leftovers, and analysing the fresh
    // items gives every iteration the same plan for the claim.
    private const string VacuumQueueTables = "VACUUM (ANALYZE) jobs, work_items, results";

    // Long enough that no lease expires mid-run: an expiry would turn into a retried attempt and measure something else.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, double> TrivialParameters = new() { ["fast"] = 5, ["slow"] = 50 };

    private static readonly Metrics TrivialMetrics = new() { TotalReturn = 0.01, Sharpe = 0.5, Trades = 1 };

    private static readonly JobSpec BenchmarkSpec = new()
    {
        Strategy = BenchmarkStrategy,
        Axes = [new ParameterAxis("fast", [5]), new ParameterAxis("slow", [50])],
        Objective = "sharpe",
        Data = new JobDataSource("__bench_queue__", "1m"),
    };

    private static readonly NewWorkItem[] Items = Enumerable.Range(0, ItemsPerJob)
        .Select(i => new NewWorkItem(i, 0, $$"""{"start":{{i}},"end":{{i + 1}}}"""))
        .ToArray();

    private PostgresClusterStore _store = null!;
    private string _connectionString = null!;
    private string[] _siloIds = null!;

    /// <summary>Concurrent workers, each a silo of its own with its own pooled connection per call.</summary>
    [Params(1, 4, 16)]
    public int Workers { get; set; }

    /// <summary>Items asked for per claim call; each is still completed by a call of its own.</summary>
    [Params(1, 8)]
    public int ClaimBatch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _connectionString = Environment.GetEnvironmentVariable("QUANT_DB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Set QUANT_DB to a PostgreSQL connection string (eng/postgres.sh start gives a throwaway server).");
        _store = PostgresClusterStore.OpenAsync(_connectionString, TimeProvider.System).GetAwaiter().GetResult();
        RemoveBenchmarkJobs();
        EnsureNoOtherJobIsOpen();

        // Claims do not require membership, but a real worker claims as a registered silo, and the
        // silos table is then in the state a cluster would have.
        var now = TimeProvider.System.GetUtcNow();
        _siloIds = Enumerable.Range(0, Workers).Select(worker => $"bench-queue-{worker}").ToArray();
        foreach (string siloId in _siloIds)
        {
            _store.RegisterSiloAsync(new SiloRegistration(siloId, Environment.MachineName, now)).GetAwaiter().GetResult();
        }
    }

    [IterationSetup]
    public void FreshJob()
    {
        RemoveBenchmarkJobs();
        var job = _store.CreateJobAsync(BenchmarkSpec).GetAwaiter().GetResult();
        _store.AddWorkItemsAsync(job.JobId, Items).GetAwaiter().GetResult();
        RunSql(VacuumQueueTables);
    }

    [Benchmark(OperationsPerInvoke = ItemsPerJob)]
    public int ClaimAndComplete()
    {
        int[] completedPerWorker = Task.WhenAll(_siloIds.Select(siloId => Task.Run(() => DrainAsync(siloId)))).GetAwaiter().GetResult();
        int completed = completedPerWorker.Sum();
        return completed == ItemsPerJob
            ? completed
            : throw new InvalidOperationException($"The workers completed {completed} items of {ItemsPerJob}: the figure would be wrong.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (string siloId in _siloIds)
        {
            _store.LeaveAsync(siloId).GetAwaiter().GetResult();
        }

        RemoveBenchmarkJobs();
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task<int> DrainAsync(string siloId)
    {
        int completed = 0;
        while (await _store.ClaimWorkItemsAsync(siloId, ClaimBatch, Lease) is { Count: > 0 } claimed)
        {
            foreach (var item in claimed)
            {
                var outcome = await _store.CompleteWorkItemAsync(item, [new EvaluationResult(item.ItemIndex, TrivialParameters, TrivialMetrics)]);
                if (outcome != CompletionOutcome.Completed)
                {
                    // Nothing else claims these items and no lease expires, so anything but Completed is a queue bug.
                    throw new InvalidOperationException($"Item {item.ItemIndex} attempt {item.Attempt}: {outcome}, expected Completed.");
                }

                completed++;
            }
        }

        return completed;
    }

    private void RemoveBenchmarkJobs()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var delete = new NpgsqlCommand(DeleteBenchmarkJobs, connection);
        delete.Parameters.AddWithValue("strategy", BenchmarkStrategy);
        delete.ExecuteNonQuery();
    }

    private void EnsureNoOtherJobIsOpen()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var count = new NpgsqlCommand(CountOpenItemsOfOtherJobs, connection);
        count.Parameters.AddWithValue("strategy", BenchmarkStrategy);
        if ((long)count.ExecuteScalar()! is var open and > 0)
        {
            throw new InvalidOperationException(
                $"Other jobs have {open} open work items: the benchmark's workers would claim them. Run it against a throwaway database.");
        }
    }

    private void RunSql(string sql)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
