using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers.Genetic;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// One search of a job, as its state keeps it: a plain sweep has one, a walk-forward one per fold,
/// all running at once. It holds the bars it searches, its best results, a genetic search's state
/// and the scores of the generation under way, and for a fold, its result once done.
/// </summary>
public sealed class SearchTrack
{
    /// <summary>The bars the search evaluates on: the job's, or a fold's in-sample window of them.</summary>
    public required JobDataSource Data { get; set; }

    /// <summary>How many bars <see cref="Data"/> holds, for cutting the search's phases into items.</summary>
    public int Bars { get; set; }

    /// <summary>The walk-forward fold, from 0; -1 for a plain sweep.</summary>
    public int Fold { get; set; } = -1;

    public List<EvaluationResult> Best { get; set; } = [];

    public long Evaluated { get; set; }

    public GeneticState? Genetic { get; set; }

    /// <summary>Scores of the current generation's genomes evaluated so far, by grid index.</summary>
    public Dictionary<long, double> PhaseScores { get; set; } = [];

    public bool Done { get; set; }

    /// <summary>A fold's result, once its search is done.</summary>
    public FoldResult? Result { get; set; }
}
