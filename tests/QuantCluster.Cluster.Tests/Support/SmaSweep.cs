using QuantCluster.Data;
using QuantCluster.Data.Tests.Parquet;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// The sweep the fault tests run: sma_crossover over fast 2..100 step 1 x slow 10..500 step 10 on
/// 100,000 generated one-minute bars in a Parquet file every silo reads. 4,950 grid positions, of
/// which the valid ones (fast &lt; slow) cut into about 60 items: a few seconds of two cores, so a
/// fault can land mid-sweep, and every phase boundary is crossed several times.
/// </summary>
internal sealed class SmaSweep : IDisposable
{
    private readonly TempDirectory _folder = new();

    public SmaSweep()
    {
        BarsFile = _folder.File("bars.parquet");
        BarFiles.Write(BarsFile, RandomWalkBars.Generate(100_000, new Random(7), "SYM"));
    }

    public string BarsFile { get; }

    /// <summary>`quant sweep` arguments naming the strategy, the bars and the grid.</summary>
    public string[] Arguments => ["--strategy", "sma_crossover", "--data", BarsFile, "--grid", "fast=2:100:1", "--grid", "slow=10:500:10"];

    /// <summary>The same over a grid ten times the size (fast 2..200, slow 10..1000 step 4): tens of seconds of two cores, time for a silo to join.</summary>
    public string[] LongArguments => ["--strategy", "sma_crossover", "--data", BarsFile, "--grid", "fast=2:200:1", "--grid", "slow=10:1000:4"];

    /// <summary>Parameter sets of the grid that keep fast &lt; slow, counted here rather than by the engine under test.</summary>
    public static int ValidSets => Valid(100, 500, 10);

    /// <summary>Parameter sets of <see cref="LongArguments"/>' grid that keep fast &lt; slow.</summary>
    public static int LongValidSets => Valid(200, 1000, 4);

    private static int Valid(int fastMax, int slowMax, int slowStep)
    {
        int valid = 0;
        for (int fast = 2; fast <= fastMax; fast++)
        {
            for (int slow = 10; slow <= slowMax; slow += slowStep)
            {
                valid += fast < slow ? 1 : 0;
            }
        }

        return valid;
    }

    /// <summary>A path in the sweep's own folder, removed with it.</summary>
    public string File(string name) => _folder.File(name);

    public void Dispose() => _folder.Dispose();
}
