namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>The protobuf wire types: how a field's bytes are laid out, whatever the field's declared type.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}
