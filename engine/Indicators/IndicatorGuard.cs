namespace QuantCluster.Engine.Indicators;

internal static class IndicatorGuard
{
    public static void Check(ReadOnlySpan<double> source, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (output.Length < source.Length)
        {
            throw new ArgumentException($"The output holds {output.Length} values but the source has {source.Length}.", nameof(output));
        }
    }
}
