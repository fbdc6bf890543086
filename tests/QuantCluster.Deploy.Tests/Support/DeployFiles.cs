namespace QuantCluster.Deploy.Tests.Support;

/// <summary>The deployment files of the repository the tests were built from.</summary>
internal static class DeployFiles
{
    public static string Root => RepositoryPaths.RootDirectory;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
