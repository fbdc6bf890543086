namespace QuantCluster.Engine.Strategies;

public enum ParameterKind
{
    Integer,
    Real,

    /// <summary>One of a fixed list of names, stored as the name's index.</summary>
    Choice,
}
