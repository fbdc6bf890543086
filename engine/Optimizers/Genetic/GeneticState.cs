using QuantCluster.Contracts;

namespace QuantCluster.Engine.Optimizers.Genetic;

/// <summary>
/// Where a genetic search stands between generations: plain data, so a job keeps it in its state and
/// resumes from it on another machine. The random source is not part of it: each generation's is
/// derived from the seed and the generation's number, so a resumed search breeds what an uninterrupted
/// one would have.
/// </summary>
public sealed class GeneticState
{
    /// <summary>The generation <see cref="Population"/> belongs to, from 0.</summary>
    public int Generation { get; set; }

    /// <summary>The genomes of the generation as grid indices (mixed radix of the axes' value indices).</summary>
    public List<long> Population { get; set; } = [];

    /// <summary>The score of every genome ever evaluated, by grid index: a genome is evaluated once.</summary>
    public Dictionary<long, double> Scores { get; set; } = [];

    public List<GenerationRecord> History { get; set; } = [];

    /// <summary>Generations in a row whose best-so-far did not improve.</summary>
    public int Stale { get; set; }

    public bool Finished { get; set; }
}
