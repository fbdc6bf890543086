using Npgsql;
using NpgsqlTypes;
using QuantCluster.Data.Postgres.Migrations;
using QuantCluster.Data.Validation;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Postgres;

/// <summary>
/// Bars in PostgreSQL (ARCHITECTURE.md, "Data"): one row per bar in `bars`, keyed by symbol,
/// timeframe and timestamp, and one row per series in `bar_coverage`. Imports are validated first
/// and then all-or-nothing; a database failure surfaces as a <see cref="BarStoreException"/>
/// naming the server. Thread-safe: each call takes its own pooled connection.
/// </summary>
public sealed class PostgresBarStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly DatabaseEndpoint _endpoint;

    private PostgresBarStore(NpgsqlDataSource dataSource, DatabaseEndpoint endpoint)
    {
        _dataSource = dataSource;
        _endpoint = endpoint;
    }

    /// <summary>Connects and brings the schema up to date (see <see cref="SchemaMigrations"/>).</summary>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    /// <exception cref="BarStoreException">The server cannot be reached, refuses the login, or a migration fails.</exception>
    public static async Task<PostgresBarStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var settings = ConnectionStrings.Settings(connectionString, "quantcluster");

        var endpoint = new DatabaseEndpoint(settings);
        var dataSource = NpgsqlDataSource.Create(settings);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await SchemaMigrations.ApplyAsync(connection, cancellationToken);
            return new PostgresBarStore(dataSource, endpoint);
        }
        catch (NpgsqlException e)
        {
            await dataSource.DisposeAsync();
            throw endpoint.Failure("opening the bar store", e);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stores a series under its symbol and the timeframe. The series is validated first: a bad one
    /// is refused whole with a <see cref="BarDataException"/> naming the row, before the database is
    /// touched. Then, in one transaction with the coverage update, it is uploaded by binary COPY into
    /// a staging table and written to bars: a stored bar at the same timestamp is replaced if its
    /// values differ (the latest import wins) and left alone if they match, so re-importing an
    /// overlapping range neither duplicates nor loses bars. A series that overlaps nothing stored
    /// takes a plain insert, twice as fast. Imports of one series take turns for the write; a lost
    /// connection or a cancellation rolls everything back.
    /// </summary>
    /// <param name="source">Where the bars came from (a file name, a feed), kept in bar_coverage.</param>
    /// <param name="progress">Told how many bars have been uploaded, every 65,536 and at the end.</param>
    public async Task<BarImportResult> ImportAsync(
        BarSeries bars, string timeframe, string source, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentException.ThrowIfNullOrWhiteSpace(bars.Symbol, nameof(bars));
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var frame = Timeframe.Parse(timeframe);
        EnsureStorable(bars);

        bool committing = false;
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await BarUpload.StageAsync(connection, bars, progress, cancellationToken);
            var result = await BarMerge.RunAsync(connection, bars, frame, source, cancellationToken);
            committing = true;
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (NpgsqlException e)
        {
            throw _endpoint.Failure(
                $"importing {bars.Symbol} {frame}", e,
                committing
                    ? "the connection failed while committing, so the import may or may not be stored: check the coverage before importing again"
                    : "the import was rolled back and nothing was stored");
        }
    }

    /// <summary>One series' bars with timestamps in [from, to] (UTC; null is unbounded), oldest first; empty when none are stored.</summary>
    public async Task<BarSeries> ReadAsync(
        string symbol, string timeframe, DateTime? from = null, DateTime? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var frame = Timeframe.Parse(timeframe);
        try
        {
            await using var command = SeriesParameters.Add(_dataSource.CreateCommand(BarSql.ReadBars), symbol, frame);
            command.CommandTimeout = 0; // as long as the series is long; cancellation bounds it
            command.Parameters.Add(new NpgsqlParameter<DateTime?>("from", NpgsqlDbType.TimestampTz) { TypedValue = Utc(from) });
            command.Parameters.Add(new NpgsqlParameter<DateTime?>("to", NpgsqlDbType.TimestampTz) { TypedValue = Utc(to) });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var columns = new BarColumnsBuilder(1024);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add(
                    UtcMicroseconds.FromDateTime(reader.GetFieldValue<DateTime>(0)),
                    reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.IsDBNull(5) ? double.NaN : reader.GetDouble(5));
            }

            return columns.ToSeries(symbol);
        }
        catch (NpgsqlException e)
        {
            throw _endpoint.Failure($"reading {symbol} {frame}", e);
        }
    }

    /// <summary>What is stored, per symbol and timeframe (of one symbol, when given), ordered by symbol and timeframe.</summary>
    public async Task<IReadOnlyList<BarCoverage>> CoverageAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(BarSql.Coverage);
            command.Parameters.Add(new NpgsqlParameter<string?>("symbol", NpgsqlDbType.Text) { TypedValue = symbol });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var coverage = new List<BarCoverage>();
            while (await reader.ReadAsync(cancellationToken))
            {
                coverage.Add(new BarCoverage(
                    reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTime>(2), reader.GetFieldValue<DateTime>(3),
                    reader.GetInt64(4), reader.GetString(5), reader.GetFieldValue<DateTime>(6)));
            }

            return coverage;
        }
        catch (NpgsqlException e)
        {
            throw _endpoint.Failure("reading the bar coverage", e);
        }
    }

    /// <summary>
    /// The holes in a stored series, oldest first: consecutive bars further apart than the
    /// timeframe. Daily series skip weekends (Friday to Monday is no gap) but report a missing
    /// weekday, holidays included; intraday series report every pause, nights and weekends included.
    /// Empty when the series has no gap or is not stored.
    /// </summary>
    public async Task<IReadOnlyList<BarGap>> GapsAsync(string symbol, string timeframe, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var frame = Timeframe.Parse(timeframe);
        try
        {
            await using var command = SeriesParameters.Add(_dataSource.CreateCommand(BarSql.WideSteps), symbol, frame);
            command.CommandTimeout = 0;
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("step", NpgsqlDbType.Interval) { TypedValue = frame.Duration });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var gaps = new List<BarGap>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var before = reader.GetFieldValue<DateTime>(0);
                var after = reader.GetFieldValue<DateTime>(1);
                long missing = GapRule.MissingBars(frame, before, after);
                if (missing > 0)
                {
                    gaps.Add(new BarGap(before, after, missing));
                }
            }

            return gaps;
        }
        catch (NpgsqlException e)
        {
            throw _endpoint.Failure($"finding gaps in {symbol} {frame}", e);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static DateTime? Utc(DateTime? time) => time is { } t ? EpochMicroseconds.AsUtc(t) : null;

    // The validator's rules, an empty series, and timestamps a timestamptz (via DateTime) cannot hold.
    private static void EnsureStorable(BarSeries bars)
    {
        if (bars.Count == 0)
        {
            throw new BarDataException(bars.Symbol, null, "no bars to import");
        }

        BarValidator.Validate(bars);
        long[] ts = bars.Timestamps;
        int outside = !EpochMicroseconds.IsStorable(ts[0]) ? 0 : !EpochMicroseconds.IsStorable(ts[^1]) ? ts.Length - 1 : -1;
        if (outside >= 0)
        {
            throw BarDataException.AtRow(
                bars.Symbol, outside + 1, $"timestamp {ts[outside]} µs since 1970 is outside the years 0001 to 9999 that the store holds");
        }
    }
}
