namespace QuantCluster.Data.Postgres.Migrations;

/// <summary>
/// 002_optional_volume: a bar may have no volume (ARCHITECTURE.md, "Data"), stored as NULL. The
/// CHECK of 001 still holds: a NULL volume passes it, a negative one does not. Dropping NOT NULL
/// twice is harmless, so the migration is idempotent as every migration must be.
/// </summary>
internal static class M002OptionalVolume
{
    public static Migration Migration { get; } = new(2, "002_optional_volume", """
        ALTER TABLE bars ALTER COLUMN volume DROP NOT NULL;
        """);
}
