using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QuantCluster.Silo.Health;

/// <summary>
/// /healthz: the process is alive and serving (a liveness probe, which must not fail while the database is
/// away, or every silo would be restarted at once). /readyz: the silo is active in the cluster and the database
/// answers (a readiness probe). Both answer 200 or 503 with one line per check, in plain text.
/// </summary>
internal static class HealthEndpoints
{
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";

    private const string ReadyTag = "ready";

    public static IServiceCollection AddSiloHealth(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(new DatabaseProbe(connectionString));
        services.AddHealthChecks()
            .AddCheck<MembershipHealthCheck>(MembershipHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }

    /// <summary>Serves both on <paramref name="port"/> only.</summary>
    public static void MapSiloHealth(this WebApplication app, int port)
    {
        string host = $"*:{port}";
        app.MapHealthChecks(Liveness, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).RequireHost(host);
        app.MapHealthChecks(Readiness, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).RequireHost(host);
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status == HealthStatus.Healthy ? "ready" : "unready").Append('\n');
        if (report.Entries.Count == 0)
        {
            text.Clear().Append("alive\n");
        }

        foreach (var (name, entry) in report.Entries)
        {
            text.Append(name).Append(": ").Append(entry.Description).Append('\n');
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
