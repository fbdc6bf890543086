using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Tests.Tables;

internal static class BarAssert
{
    /// <summary>Same symbol and exactly the same values in every column.</summary>
    public static void Same(BarSeries expected, BarSeries actual)
    {
        Assert.Equal(expected.Symbol, actual.Symbol);
        Assert.Equal(expected.Timestamps, actual.Timestamps);
        Assert.Equal(expected.Open, actual.Open);
        Assert.Equal(expected.High, actual.High);
        Assert.Equal(expected.Low, actual.Low);
        Assert.Equal(expected.Close, actual.Close);
        Assert.Equal(expected.Volume, actual.Volume);
    }
}
