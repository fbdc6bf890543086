namespace QuantCluster.Engine.Bars;

/// <summary>
/// Realistic synthetic bars: a geometric random walk with volatility clustering (GARCH(1,1)-like),
/// fat tails and persistent trends (a slowly mean-reverting drift, the time-series momentum real
/// markets show), with consistent open/high/low/close and volume. The caller passes the random
/// source, so the same seed gives the same bars.
/// </summary>
public static class RandomWalkBars
{
    public static BarSeries Generate(int count, Random random, string symbol = "SYN", DateTime? start = null, TimeSpan? interval = null, double startPrice = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(startPrice);
        long step = (interval ?? TimeSpan.FromMinutes(1)).Ticks / 10;
        long first = UtcMicroseconds.FromDateTime(start ?? new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var ts = new long[count];
        var open = new double[count];
        var high = new double[count];
        var low = new double[count];
        var close = new double[count];
        var volume = new double[count];

        const double longRunVariance = 1e-6, persistence = 0.94, reaction = 0.05;

        // Drift as an AR(1) process: trends last a few thousand bars and are small against the noise.
        const double trendPersistence = 0.9995, trendNoise = 6e-7;
        double variance = longRunVariance, price = startPrice, previousShock = 0, trend = 0;
        for (int i = 0; i < count; i++)
        {
            variance = longRunVariance * (1 - persistence - reaction) + persistence * variance + reaction * previousShock * previousShock;
            double sigma = Math.Sqrt(variance);
            trend = trendPersistence * trend + trendNoise * Normal(random);
            previousShock = sigma * StudentT(random, 5) + trend;
            double o = price * (1 + 0.1 * sigma * Normal(random));
            double c = o * Math.Exp(previousShock);
            double wick = sigma * Math.Abs(Normal(random)) * 0.5;
            ts[i] = first + i * step;
            open[i] = o;
            close[i] = c;
            high[i] = Math.Max(o, c) * (1 + wick);
            low[i] = Math.Min(o, c) * (1 - sigma * Math.Abs(Normal(random)) * 0.5);
            volume[i] = Math.Round(1_000 * (1 + Math.Abs(previousShock) / sigma) * (0.5 + random.NextDouble()));
            price = c;
        }

        return new BarSeries(symbol, ts, open, high, low, close, volume);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Student's t with unit variance: fat tails like real returns.</summary>
    private static double StudentT(Random random, int degrees)
    {
        double chi = 0;
        for (int i = 0; i < degrees; i++)
        {
            double z = Normal(random);
            chi += z * z;
        }

        return Normal(random) / Math.Sqrt(chi / degrees) * Math.Sqrt((degrees - 2.0) / degrees);
    }
}
