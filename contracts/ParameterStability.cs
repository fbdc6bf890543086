namespace QuantCluster.Contracts;

/// <summary>
/// How much one parameter's chosen value moved across folds: its spread, and the share of folds
/// that kept the previous fold's value. A value that jumps from fold to fold was fitted to noise.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.ParameterStability")]
public sealed record ParameterStability(
    [property: Id(0)] string Name,
    [property: Id(1)] double Mean,
    [property: Id(2)] double StandardDeviation,
    [property: Id(3)] double Min,
    [property: Id(4)] double Max,
    [property: Id(5)] int Distinct,
    [property: Id(6)] double Kept)
{
    /// <param name="chosen">Each fold's chosen value of the parameter, in fold order.</param>
    public static ParameterStability Of(string name, IReadOnlyList<double> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        if (chosen.Count == 0)
        {
            return new ParameterStability(name, double.NaN, double.NaN, double.NaN, double.NaN, 0, double.NaN);
        }

        double mean = chosen.Average();
        double variance = chosen.Count > 1 ? chosen.Sum(v => (v - mean) * (v - mean)) / (chosen.Count - 1) : 0;
        int kept = 0;
        for (int i = 1; i < chosen.Count; i++)
        {
            kept += chosen[i] == chosen[i - 1] ? 1 : 0;
        }

        return new ParameterStability(
            name, mean, Math.Sqrt(variance), chosen.Min(), chosen.Max(), chosen.Distinct().Count(), chosen.Count > 1 ? (double)kept / (chosen.Count - 1) : 1);
    }
}
