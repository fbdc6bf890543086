using QuantCluster.Contracts;

namespace QuantCluster.Grains.Tests.Results;

internal static class ResultAssert
{
    /// <summary>Same item, same parameters in the job's order, every metric bit for bit (NaN equals NaN; -0 differs from 0).</summary>
    public static void Same(EvaluationResult expected, EvaluationResult actual)
    {
        Assert.Equal(expected.ItemIndex, actual.ItemIndex);
        Assert.Equal(SampleResults.ParameterNames, actual.Parameters.Keys);
        foreach (string name in SampleResults.ParameterNames)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Parameters[name]), BitConverter.DoubleToInt64Bits(actual.Parameters[name]));
        }

        foreach (var ((name, want), (_, got)) in expected.Metrics.Named().Zip(actual.Metrics.Named()))
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(want) == BitConverter.DoubleToInt64Bits(got), $"{name}: expected {want:R}, read back {got:R}");
        }
    }

    public static void Same(IReadOnlyList<EvaluationResult> expected, IReadOnlyList<EvaluationResult> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Same(expected[i], actual[i]);
        }
    }
}
