namespace QuantCluster.Data.Parquet;

/// <summary>Value and level encodings; the values are the Thrift enum codes.</summary>
public enum ParquetEncoding
{
    Plain = 0,
    PlainDictionary = 2,
    Rle = 3,
    BitPacked = 4,
    DeltaBinaryPacked = 5,
    DeltaLengthByteArray = 6,
    DeltaByteArray = 7,
    RleDictionary = 8,
    ByteStreamSplit = 9,

    /// <summary>A code this version does not know.</summary>
    Unknown = -1,
}
