using QuantCluster.Engine.Bars;

namespace QuantCluster.Tests.Shared;

/// <summary>Series compared bit for bit: the symbol, every timestamp and every double's exact bits.</summary>
internal static class BarAssert
{
    public static void Identical(BarSeries expected, BarSeries actual)
    {
        Assert.Equal(expected.Symbol, actual.Symbol);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Timestamps, actual.Timestamps);
        Assert.Equal(Bits(expected.Open), Bits(actual.Open));
        Assert.Equal(Bits(expected.High), Bits(actual.High));
        Assert.Equal(Bits(expected.Low), Bits(actual.Low));
        Assert.Equal(Bits(expected.Close), Bits(actual.Close));
        Assert.Equal(Bits(expected.Volume), Bits(actual.Volume));
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
