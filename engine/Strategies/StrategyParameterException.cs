namespace QuantCluster.Engine.Strategies;

/// <summary>A parameter value a strategy cannot take: unknown name, out of range, or a broken constraint.</summary>
public sealed class StrategyParameterException : Exception
{
    public StrategyParameterException()
    {
    }

    public StrategyParameterException(string message)
        : base(message)
    {
    }

    public StrategyParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
