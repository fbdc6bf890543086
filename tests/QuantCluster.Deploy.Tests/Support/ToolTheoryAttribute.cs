namespace QuantCluster.Deploy.Tests.Support;

/// <summary>The <see cref="ToolFactAttribute"/> of a theory.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(string program, string package)
    {
        if (Tool.SkipReason(program, package) is { } reason)
        {
            Skip = reason;
        }
    }
}
