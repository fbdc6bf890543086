namespace QuantCluster.Data.Postgres;

/// <summary>
/// What an import did to each of its bars: stored as new, replaced a stored bar of the same
/// timestamp that had different values, or matched a stored bar exactly and left it alone.
/// </summary>
public sealed record BarImportResult(long Inserted, long Replaced, long Unchanged)
{
    public long Total => Inserted + Replaced + Unchanged;
}
