using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using QuantCluster.Data;
using QuantCluster.Data.Parquet;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Api.Problems;

/// <summary>
/// Every error of the API as RFC 9457 problem details. The detail is the line the console prints after
/// "error: " for the same failure (the console's CommandFailure sorts exceptions the same way): bad
/// input is 400, a job or token that is not there 404, a database or cluster that fails 503, a bug 500.
/// </summary>
internal static partial class ApiProblems
{
    public static IResult From(Exception exception)
    {
        var e = exception is AggregateException { InnerExceptions: [var only] } ? only : exception;
        var (status, detail) = e switch
        {
            KeyNotFoundException or FileNotFoundException or DirectoryNotFoundException => (StatusCodes.Status404NotFound, OneLine(e.Message)),
            BarDataException or ParquetFormatException or InvalidDataException or StrategyParameterException or ArgumentException or FormatException
                => (StatusCodes.Status400BadRequest, OneLine(e.Message)),
            JobEndedException => (StatusCodes.Status409Conflict, OneLine(e.Message)),
            IOException or UnauthorizedAccessException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, OneLine(e.Message)),
            _ when IsFrom(e, "Npgsql.") => (StatusCodes.Status503ServiceUnavailable, $"the database failed: {OneLine(e.Message)}"),
            _ when IsFrom(e, "Orleans.") => (StatusCodes.Status503ServiceUnavailable, $"the cluster failed: {OneLine(e.Message)}"),
            _ => (StatusCodes.Status500InternalServerError, $"unexpected {e.GetType().Name}: {OneLine(e.Message)}"),
        };
        return Results.Problem(detail: detail, statusCode: status);
    }

    /// <summary>Writes a problem where no endpoint runs (authentication, the rate limiter).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = new ProblemDetails { Status = status, Detail = detail } });
    }

    private static bool IsFrom(Exception e, string space) => e.GetType().FullName?.StartsWith(space, StringComparison.Ordinal) == true;

    private static string OneLine(string message) => Whitespace().Replace(message.Trim(), " ");

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex Whitespace();
}
