namespace QuantCluster.Integration.Tests.Support;

/// <summary>
/// Progress reported on the reporting thread itself, at once (Progress&lt;T&gt; posts to the thread
/// pool instead), so a test can act at an exact point of an import.
/// </summary>
internal sealed class InlineProgress(Action<long> report) : IProgress<long>
{
    public void Report(long value) => report(value);
}
