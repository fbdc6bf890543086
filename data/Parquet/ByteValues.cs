using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>Byte-array values copied out of ParquetSharp's buffers, which live only until its next batch, into one array.</summary>
internal abstract class ByteValues<T>(int rows)
{
    public T[] Values { get; } = new T[rows];

    /// <summary>Called before each row group's chunk, whose dictionary is its own.</summary>
    public virtual void StartChunk()
    {
    }

    public abstract void Set(int row, ByteArray value);
}
