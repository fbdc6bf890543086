using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Optimizers.Genetic;

/// <summary>
/// A grid seen as genes: one gene per axis, holding the index of the axis' value, so every genome
/// lands on a value the grid has (steps included) and is named by its grid index. Integer and real
/// axes are ordered (a gene moves by steps); a choice axis is categorical.
/// </summary>
internal sealed class GeneSpace
{
    private readonly ParameterGrid _grid;
    private readonly int[] _radix;

    public GeneSpace(ParameterGrid grid)
    {
        _grid = grid;
        _radix = [.. grid.Axes.Select(a => a.Values.Length)];
        Ordered = [.. grid.Axes.Select(a => grid.Strategy.Parameters.First(p => p.Name == a.Name).Kind != ParameterKind.Choice)];
    }

    public int Genes => _radix.Length;

    /// <summary>Whether gene i's values are ordered (integer or real) rather than categorical.</summary>
    public bool[] Ordered { get; }

    /// <summary>How many values gene i takes.</summary>
    public int Size(int gene) => _radix[gene];

    public int[] Decode(long index)
    {
        var genes = new int[_radix.Length];
        for (int g = _radix.Length - 1; g >= 0; g--)
        {
            genes[g] = (int)(index % _radix[g]);
            index /= _radix[g];
        }

        return genes;
    }

    public long Encode(ReadOnlySpan<int> genes)
    {
        long index = 0;
        for (int g = 0; g < _radix.Length; g++)
        {
            index = index * _radix[g] + genes[g];
        }

        return index;
    }

    /// <summary>Whether the genome keeps the strategy's constraints (fast &lt; slow...).</summary>
    public bool IsValid(long index) =>
        _grid.Strategy.CheckConstraints(new ParameterValues(_grid.Strategy.Parameters, _grid.ValuesAt(index))) is null;
}
