using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using QuantCluster.Api.Problems;

namespace QuantCluster.Api.Access;

/// <summary>
/// A token bucket per token, as large as the token's rate and refilled at it every second; a request
/// beyond it is refused with 429 and Retry-After. The open local API has no limit.
/// </summary>
internal static class TokenRateLimits
{
    public const string Policy = "per-token";

    public static void Configure(RateLimiterOptions options)
    {
        options.AddPolicy(Policy, context =>
        {
            var caller = Caller.Of(context.User);
            return caller is { TokenId: { } id, RatePerSecond: > 0 and var rate }
                ? RateLimitPartition.GetTokenBucketLimiter((id, rate), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = rate,
                    TokensPerPeriod = rate,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter((Guid.Empty, 0));
        });
        options.OnRejected = async (rejected, cancellation) =>
        {
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var caller = Caller.Of(rejected.HttpContext.User);
            await ApiProblems.WriteAsync(
                rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                $"Token '{caller.Name}' may make {caller.RatePerSecond} requests a second; try again in {seconds} s.");
        };
    }
}
