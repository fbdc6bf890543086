using System.Text.RegularExpressions;
using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// The reason inside a ParquetSharp error, as one line. Its messages read
/// "N7parquet38ParquetInvalidOrCorruptedFileExceptionE (message: 'Invalid: ...')": the mangled C++
/// type name and Arrow's status prefix mean nothing to a quant, the text in the quotes does.
/// </summary>
internal static partial class ParquetExceptionMessage
{
    public static string Of(ParquetException exception)
    {
        var message = exception.Message;
        var match = Quoted().Match(message);
        var reason = match.Success ? match.Groups["reason"].Value : message;
        reason = StatusPrefix().Replace(reason, "");
        return string.Join(' ', reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
    }

    [GeneratedRegex(@"\(message: '(?<reason>.*)'\)\s*$", RegexOptions.Singleline)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(Invalid|IOError|NotImplemented|Out of memory|Unknown error|Key error|Type error|Capacity error|Index error|Serialization error|Cancelled): ")]
    private static partial Regex StatusPrefix();
}
