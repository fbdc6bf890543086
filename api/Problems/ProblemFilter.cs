using Microsoft.AspNetCore.Http;

namespace QuantCluster.Api.Problems;

/// <summary>Turns whatever an endpoint throws into problem details.</summary>
internal sealed class ProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return ApiProblems.From(e);
        }
    }
}
