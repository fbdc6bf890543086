using QuantCluster.Data.Postgres.Migrations;

namespace QuantCluster.Grains.Hosting;

/// <summary>
/// Orleans' PostgreSQL scripts (OrleansSql/, third-party and unchanged) as migrations 2001-2004, read
/// from the resources the grains assembly embeds, in the order Orleans says to apply them.
/// </summary>
internal static class OrleansScripts
{
    /// <summary>The prefix of the scripts' resource names; the file name follows it.</summary>
    public const string ResourcePrefix = "QuantCluster.Grains.Hosting.OrleansSql.";

    private static readonly (int Version, string Name, string File)[] Scripts =
    [
        (2001, "2001_orleans_main", "PostgreSQL-Main.sql"),
        (2002, "2002_orleans_clustering", "PostgreSQL-Clustering.sql"),
        (2003, "2003_orleans_persistence", "PostgreSQL-Persistence.sql"),
        (2004, "2004_orleans_reminders", "PostgreSQL-Reminders.sql"),
    ];

    /// <summary>The file names of the scripts, in the order they are applied.</summary>
    public static IReadOnlyList<string> Files { get; } = Scripts.Select(s => s.File).ToArray();

    public static IReadOnlyList<Migration> Migrations { get; } = Scripts.Select(s => new Migration(s.Version, s.Name, Read(s.File))).ToArray();

    /// <summary>A script's bytes exactly as embedded.</summary>
    public static Stream Open(string file) =>
        typeof(OrleansScripts).Assembly.GetManifestResourceStream(ResourcePrefix + file)
        ?? throw new InvalidOperationException($"The grains assembly does not embed {file}; see grains/Hosting/OrleansSql.");

    private static string Read(string file)
    {
        using var reader = new StreamReader(Open(file));
        return reader.ReadToEnd();
    }
}
