namespace QuantCluster.Deploy.Tests.Support;

/// <summary>
/// A test that runs a program from Debian's apt (./test.sh installs it): skipped with instructions where it is
/// missing on a developer's machine, run (and failed) on CI, where its absence is a broken setup.
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string program, string package)
    {
        if (Tool.SkipReason(program, package) is { } reason)
        {
            Skip = reason;
        }
    }
}
