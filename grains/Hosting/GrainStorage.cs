namespace QuantCluster.Grains.Hosting;

/// <summary>The one grain storage the cluster's grains keep their state in: ADO.NET on PostgreSQL, or memory in the embedded cluster.</summary>
public static class GrainStorage
{
    public const string Name = "quant";
}
