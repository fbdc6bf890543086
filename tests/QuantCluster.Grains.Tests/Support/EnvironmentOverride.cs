namespace QuantCluster.Grains.Tests.Support;

/// <summary>
/// Sets process environment variables (null removes one) and puts back what was there on Dispose. The
/// environment is shared by every test in the process: only tests in <see cref="SharedProcessEnvironment"/> use this.
/// </summary>
internal sealed class EnvironmentOverride : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    public EnvironmentOverride(params (string Name, string? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous.TryAdd(name, Environment.GetEnvironmentVariable(name));
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
