using Orleans.Storage;

namespace QuantCluster.Grains.Serialization;

/// <summary>
/// Grain state as plain JSON (<see cref="ClusterJson"/>), without the type names Orleans' default
/// Newtonsoft serializer writes: renaming a state type or an assembly must not make stored jobs
/// unreadable, and the rows stay readable in ad-hoc SQL.
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => BinaryData.FromString(ClusterJson.Write(input));

    public T Deserialize<T>(BinaryData input) => ClusterJson.Read<T>(input.ToString());
}
