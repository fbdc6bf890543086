using System.Globalization;

namespace QuantCluster.Tests.Shared.Otlp;

/// <summary>
/// Decodes the messages of OTLP's common.proto and resource.proto that both the traces and the metrics
/// requests embed: resources, instrumentation scopes and attributes. Attribute values are rendered as text
/// (integers and doubles in the invariant culture, bytes as hex, arrays as [a,b], maps as {k=v}) so that a test
/// compares them without knowing how the sender typed them.
/// </summary>
internal static class OtlpCommonDecoder
{
    public const string ServiceNameAttribute = "service.name";

    /// <summary>Resource { repeated KeyValue attributes = 1; }</summary>
    public static Dictionary<string, string> ReadResource(ReadOnlySpan<byte> message)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                ReadKeyValue(reader.ReadLengthDelimited(), attributes);
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return attributes;
    }

    /// <summary>InstrumentationScope { string name = 1; string version = 2; ... }</summary>
    public static string ReadScopeName(ReadOnlySpan<byte> message)
    {
        string name = "";
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                name = reader.ReadString();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return name;
    }

    /// <summary>KeyValue { string key = 1; AnyValue value = 2; }, added to <paramref name="attributes"/>.</summary>
    public static void ReadKeyValue(ReadOnlySpan<byte> message, Dictionary<string, string> attributes)
    {
        string key = "";
        string value = "";
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                key = reader.ReadString();
            }
            else if (field == 2 && wireType == WireType.LengthDelimited)
            {
                value = ReadAnyValue(reader.ReadLengthDelimited());
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        attributes[key] = value;
    }

    /// <summary>
    /// AnyValue { oneof: string string_value = 1; bool bool_value = 2; int64 int_value = 3;
    /// double double_value = 4; ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7; }
    /// </summary>
    public static string ReadAnyValue(ReadOnlySpan<byte> message)
    {
        string value = "";
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            value = (field, wireType) switch
            {
                (1, WireType.LengthDelimited) => reader.ReadString(),
                (2, WireType.Varint) => reader.ReadVarint() != 0 ? "true" : "false",
                (3, WireType.Varint) => ((long)reader.ReadVarint()).ToString(CultureInfo.InvariantCulture),
                (4, WireType.Fixed64) => reader.ReadDouble().ToString("R", CultureInfo.InvariantCulture),
                (5, WireType.LengthDelimited) => "[" + string.Join(",", ReadValues(reader.ReadLengthDelimited())) + "]",
                (6, WireType.LengthDelimited) => "{" + string.Join(",", ReadKeyValueList(reader.ReadLengthDelimited())) + "}",
                (7, WireType.LengthDelimited) => ToHex(reader.ReadLengthDelimited()),
                _ => SkipAndKeep(ref reader, wireType, value),
            };
        }

        return value;
    }

    /// <summary>Ids as lowercase hex; an absent id (a root span's parent) is the empty string.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>ArrayValue { repeated AnyValue values = 1; }</summary>
    private static List<string> ReadValues(ReadOnlySpan<byte> message)
    {
        var values = new List<string>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                values.Add(ReadAnyValue(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return values;
    }

    /// <summary>KeyValueList { repeated KeyValue values = 1; }, as key=value texts in the order sent.</summary>
    private static List<string> ReadKeyValueList(ReadOnlySpan<byte> message)
    {
        var pairs = new List<string>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                var pair = new Dictionary<string, string>(StringComparer.Ordinal);
                ReadKeyValue(reader.ReadLengthDelimited(), pair);
                pairs.AddRange(pair.Select(entry => $"{entry.Key}={entry.Value}"));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return pairs;
    }

    private static string SkipAndKeep(ref ProtobufReader reader, WireType wireType, string value)
    {
        reader.Skip(wireType);
        return value;
    }
}
