using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using QuantCluster.Api.Problems;

namespace QuantCluster.Api.Access;

/// <summary>
/// `Authorization: Bearer qc_...`: the token is looked up by its hash on every request, so a revoked
/// token is refused from the next request on. An open API (the local cluster) makes every caller an administrator.
/// </summary>
internal sealed class TokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiAccess access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (access.Tokens is not { } tokens)
        {
            return Success(null, "local", isAdmin: true, rate: 0);
        }

        string header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return token is null
            ? AuthenticateResult.Fail("The token is not known or has been revoked.")
            : Success(token.Id, token.Name, token.IsAdmin, token.RatePerSecond);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        string detail = result.Failure is { } failure
            ? failure.Message
            : "This API needs a token: send 'Authorization: Bearer TOKEN' (create one with quant token create --name NAME).";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, detail);
    }

    private static AuthenticateResult Success(Guid? id, string name, bool isAdmin, int rate)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(Caller.AdminClaim, isAdmin ? "true" : "false"),
            new(Caller.RateClaim, rate.ToString(CultureInfo.InvariantCulture)),
        };
        if (id is { } tokenId)
        {
            claims.Add(new Claim(Caller.TokenIdClaim, tokenId.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Name));
    }
}
