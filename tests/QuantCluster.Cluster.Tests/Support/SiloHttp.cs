using System.Net;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>GETs on a silo's HTTP port, as a Kubernetes probe or a scraper makes them (Host: 127.0.0.1:PORT).</summary>
internal sealed class SiloHttp(int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The status and body, or null while nothing listens (the silo is still starting).</summary>
    public async Task<HttpAnswer?> GetAsync(string path, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        try
        {
            using var response = await _http.SendAsync(request);
            return new HttpAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record HttpAnswer(HttpStatusCode Status, string Body)
{
    public override string ToString() => $"{(int)Status} {Body.Trim()}";
}
