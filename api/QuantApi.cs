using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using QuantCluster.Api.Access;
using QuantCluster.Api.Backtests;
using QuantCluster.Api.Catalog;
using QuantCluster.Api.JobResults;
using QuantCluster.Api.Jobs;
using QuantCluster.Api.Page;
using QuantCluster.Api.Problems;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Results;
using Scalar.AspNetCore;

namespace QuantCluster.Api;

/// <summary>
/// The HTTP API (/api/...), its OpenAPI document (/openapi/v1.json) and reference page (/scalar), and
/// the results page (/), on one port of a host that runs a silo (or the embedded cluster): the silo's
/// services (the grain factory, the results store, the bar cache) are the API's, so it calls the grains directly.
/// </summary>
public static class QuantApi
{
    /// <summary>The API's services. A host without a silo of its own registers a <see cref="JobClient"/> and the bar cache first.</summary>
    public static IServiceCollection AddQuantApi(this IServiceCollection services, ApiAccess access)
    {
        services.AddSingleton(access);
        services.TryAddSingleton(s => new JobClient(s.GetRequiredService<IGrainFactory>(), s.GetRequiredService<IResultStore>(), TimeProvider.System));
        services.AddSingleton<JobAccess>();
        services.AddSingleton<ResultColumnsCache>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        // The core alone: a bearer token needs no data protection keys, which the full AddAuthentication would create.
        services.AddAuthenticationCore(authentication =>
        {
            authentication.AddScheme<TokenAuthentication>(TokenAuthentication.Name, null);
            authentication.DefaultScheme = TokenAuthentication.Name;
        });
        services.TryAddSingleton(System.Text.Encodings.Web.UrlEncoder.Default);
        services.AddLogging(logging => logging.AddFilter(typeof(TokenAuthentication).FullName, LogLevel.Warning));
        services.AddAuthorization();
        services.AddRateLimiter(TokenRateLimits.Configure);
        services.AddOpenApi(openApi =>
        {
            openApi.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "QuantCluster API";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[TokenAuthentication.Name] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A token from `quant token create --name NAME`.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenAuthentication.Name, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Maps everything on <paramref name="port"/> only (other ports of the host keep their own paths); nothing when the port is 0.</summary>
    public static WebApplication MapQuantApi(this WebApplication app, int port)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (port <= 0)
        {
            return app;
        }

        string host = $"*:{port}";
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        var api = app.MapGroup("/api").RequireHost(host).RequireAuthorization().RequireRateLimiting(TokenRateLimits.Policy).AddEndpointFilter<ProblemFilter>();
        JobEndpoints.Map(api);
        ResultEndpoints.Map(api);
        BacktestEndpoints.Map(api);
        CatalogEndpoints.Map(api);
        api.MapFallback((HttpContext http) => Results.Problem(detail: $"There is no endpoint {http.Request.Method} {http.Request.Path}; GET /openapi/v1.json lists them.", statusCode: 404))
            .ExcludeFromDescription();
        app.MapOpenApi().RequireHost(host);
        app.MapScalarApiReference().RequireHost(host);
        PageEndpoints.Map(app, host, PageFiles.BesideProgram);
        if (!PageFiles.BesideProgram.HasChartLibrary)
        {
            ApiLog.PageMissing(app.Logger, PageFiles.MissingChartLibrary);
        }

        return app;
    }
}
