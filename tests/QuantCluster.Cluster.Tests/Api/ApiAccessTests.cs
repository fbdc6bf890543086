using System.Net;
using System.Text.Json.Nodes;
using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Api;

/// <summary>The silo's HTTP API refuses callers without a live token, limits each token's rate, and shows a token only its own jobs.</summary>
public sealed class ApiAccessTests
{
    [ClusterFact]
    public async Task Requests_without_a_token_with_an_unknown_one_or_with_a_revoked_one_are_refused_as_problems()
    {
        await using var api = await ApiSilo.StartAsync();
        string token = await api.CreateTokenAsync("notebook");
        using var anonymous = api.Client(null);
        using var unknown = api.Client("qc_not-a-token-anyone-was-given");
        using var holder = api.Client(token);

        var without = await anonymous.GetAsync("api/jobs");
        var wrong = await unknown.GetAsync("api/jobs");
        var with = await holder.GetAsync("api/jobs");
        await api.RevokeTokenAsync("notebook");
        var revoked = await holder.GetAsync("api/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("Bearer", without.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("quant token create", (await Problem(without))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("The token is not known or has been revoked.", (await Problem(revoked))["detail"]!.GetValue<string>());
    }

    [ClusterFact]
    public async Task A_token_past_its_rate_is_refused_with_429_and_Retry_After()
    {
        await using var api = await ApiSilo.StartAsync();
        using var slow = api.Client(await api.CreateTokenAsync("scheduler", rate: 3));
        using var other = api.Client(await api.CreateTokenAsync("notebook", rate: 3));

        var burst = new List<HttpResponseMessage>();
        for (int i = 0; i < 8; i++)
        {
            burst.Add(await slow.GetAsync("api/strategies"));
        }

        var othersTurn = await other.GetAsync("api/strategies");

        // A bucket of 3, refilled at 3 a second: the first 3 pass, and 8 in a row cannot all.
        Assert.All(burst.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToArray();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {r.Headers.RetryAfter}"));
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        Assert.Contains("'scheduler' may make 3 requests a second", (await Problem(refused[0]))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, othersTurn.StatusCode);
    }

    [ClusterFact]
    public async Task A_token_sees_only_the_jobs_it_submitted_and_an_admin_token_sees_all()
    {
        using var sweep = new SmaSweep();
        await using var api = await ApiSilo.StartAsync();
        using var alice = api.Client(await api.CreateTokenAsync("alice"));
        using var bob = api.Client(await api.CreateTokenAsync("bob"));
        using var admin = api.Client(await api.CreateTokenAsync("ops", admin: true));

        var submitted = await ApiSilo.SubmitAsync(alice, ApiSpecs.SmallGrid(sweep.BarsFile));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        string id = (await Json(submitted))["jobId"]!.GetValue<string>();

        var bobsView = await bob.GetAsync($"api/jobs/{id}");
        var bobsList = await Json(await bob.GetAsync("api/jobs"));
        var alicesList = await Json(await alice.GetAsync("api/jobs"));
        var adminsList = await Json(await admin.GetAsync("api/jobs"));
        var bobCancels = await bob.PostAsync($"api/jobs/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, bobsView.StatusCode);
        Assert.Equal($"There is no job {id}.", (await Problem(bobsView))["detail"]!.GetValue<string>());
        Assert.Empty(bobsList.AsArray());
        Assert.Equal([id], alicesList.AsArray().Select(j => j!["jobId"]!.GetValue<string>()));
        Assert.Equal([id], adminsList.AsArray().Select(j => j!["jobId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, bobCancels.StatusCode);
    }

    private static async Task<JsonNode> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        return problem;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
