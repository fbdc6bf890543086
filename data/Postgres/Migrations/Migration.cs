namespace QuantCluster.Data.Postgres.Migrations;

/// <summary>
/// One schema change: applied once, in version order, and recorded in schema_migrations. The SQL
/// is also written to be harmless if run again (IF NOT EXISTS), in case a record is lost.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql);
