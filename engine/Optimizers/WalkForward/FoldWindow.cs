namespace QuantCluster.Engine.Optimizers.WalkForward;

/// <summary>One fold of a walk-forward analysis as bar indices of the series (ends exclusive): in-sample bars, then the out-of-sample bars right after them.</summary>
public sealed record FoldWindow(int Index, int InSampleStart, int InSampleEnd, int OutOfSampleStart, int OutOfSampleEnd)
{
    public int InSampleBars => InSampleEnd - InSampleStart;

    public int OutOfSampleBars => OutOfSampleEnd - OutOfSampleStart;
}
