using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace QuantCluster.Api.Page;

/// <summary>The results page at the root of the API's port: static files, no data (the page reads /api/ with the caller's token).</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app, string host, PageFiles files)
    {
        app.MapGet("/", () => Serve(files, "index.html")).RequireHost(host).ExcludeFromDescription();
        app.MapGet("/page/{**path}", (string path) => Serve(files, path)).RequireHost(host).ExcludeFromDescription();
    }

    private static IResult Serve(PageFiles files, string path)
    {
        if (!files.HasChartLibrary)
        {
            return Results.Problem(detail: PageFiles.MissingChartLibrary, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return files.Find(path) is { } file
            ? Results.File(file.Path, file.ContentType)
            : Results.Problem(detail: $"The results page has no file {path}.", statusCode: StatusCodes.Status404NotFound);
    }
}
