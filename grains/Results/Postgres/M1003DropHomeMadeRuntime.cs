using QuantCluster.Data.Postgres.Migrations;

namespace QuantCluster.Grains.Results.Postgres;

/// <summary>
/// 1003_drop_home_made_runtime: the tables of the cluster runtime Orleans replaces (silos, jobs, work
/// items). CASCADE takes the old results table's foreign key to work_items with them; that table is
/// kept as history. Nothing to drop on a fresh database.
/// </summary>
internal static class M1003DropHomeMadeRuntime
{
    public static Migration Migration { get; } = new(1003, "1003_drop_home_made_runtime", """
        DROP TABLE IF EXISTS work_items, jobs, silos CASCADE;
        """);
}
