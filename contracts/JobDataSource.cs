namespace QuantCluster.Contracts;

/// <summary>
/// The bars a job runs on, optionally cut to [From, To] (UTC): a series of the PostgreSQL bar store
/// by symbol and timeframe; or, with <see cref="Path"/>, a CSV or Parquet file every silo can read;
/// or, with <see cref="GeneratedBars"/>, a seeded random walk every silo generates alike.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.JobDataSource")]
public sealed record JobDataSource(
    [property: Id(0)] string Symbol, [property: Id(1)] string Timeframe, [property: Id(2)] DateTime? From = null, [property: Id(3)] DateTime? To = null)
{
    /// <summary>A CSV or Parquet file (absolute path) instead of the bar store; <see cref="Symbol"/> picks one when it holds several.</summary>
    [Id(4)]
    public string? Path { get; init; }

    /// <summary>One-minute bars to generate instead of reading any; 0 reads.</summary>
    [Id(5)]
    public int GeneratedBars { get; init; }

    /// <summary>The seed of the generated bars.</summary>
    [Id(6)]
    public int GeneratedSeed { get; init; }

    /// <summary>Where the bars come from, for people.</summary>
    public string Describe()
    {
        string source = GeneratedBars > 0
            ? $"{GeneratedBars:N0} generated bars (seed {GeneratedSeed})"
            : Path is not null ? (string.IsNullOrEmpty(Symbol) ? Path : $"{Symbol} from {Path}") : $"{Symbol} {Timeframe}";
        return From is null && To is null ? source : $"{source}, {From:yyyy-MM-dd HH:mm} to {To:yyyy-MM-dd HH:mm}";
    }
}
