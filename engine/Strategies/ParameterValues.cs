namespace QuantCluster.Engine.Strategies;

/// <summary>A strategy's parameter values in schema order, read by name.</summary>
public readonly struct ParameterValues
{
    private readonly IReadOnlyList<ParameterDefinition> _definitions;
    private readonly double[] _values;

    public ParameterValues(IReadOnlyList<ParameterDefinition> definitions, double[] values)
    {
        if (definitions.Count != values.Length)
        {
            throw new ArgumentException($"{values.Length} values for {definitions.Count} parameters.", nameof(values));
        }

        _definitions = definitions;
        _values = values;
    }

    public ReadOnlySpan<double> Values => _values;

    public double this[string name] => _values[IndexOf(name)];

    public int Integer(string name) => (int)this[name];

    public Direction Direction => (Direction)Integer(Strategy.DirectionParameter);

    public IEnumerable<KeyValuePair<string, string>> Named()
    {
        for (int i = 0; i < _values.Length; i++)
        {
            yield return new(_definitions[i].Name, _definitions[i].Format(_values[i]));
        }
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < _definitions.Count; i++)
        {
            if (_definitions[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"No parameter named '{name}'.", nameof(name));
    }
}
