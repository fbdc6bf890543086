using System.Globalization;
using System.Security.Claims;

namespace QuantCluster.Api.Access;

/// <summary>The caller of a request, as its token says: which token, whether it sees every job, and its rate.</summary>
internal sealed record Caller(Guid? TokenId, string Name, bool IsAdmin, int RatePerSecond)
{
    public const string TokenIdClaim = "quant:token";
    public const string AdminClaim = "quant:admin";
    public const string RateClaim = "quant:rate";

    public static Caller Of(ClaimsPrincipal user)
    {
        string? id = user.FindFirstValue(TokenIdClaim);
        return new Caller(
            id is null ? null : Guid.Parse(id),
            user.Identity?.Name ?? "local",
            user.HasClaim(AdminClaim, "true"),
            int.Parse(user.FindFirstValue(RateClaim) ?? "0", CultureInfo.InvariantCulture));
    }
}
