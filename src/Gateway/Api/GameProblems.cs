namespace OrleansGame.Gateway.Api;

/// <summary>Errors as RFC 9457 problem details (<c>application/problem+json</c>) carrying a stable <c>code</c>.</summary>
internal static class GameProblems
{
    /// <summary>A problem result with <paramref name="status"/>, <paramref name="code"/> and a human <paramref name="detail"/>.</summary>
    public static IResult Result(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Writes a problem response from middleware.</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        return Result(status, code, detail).ExecuteAsync(context);
    }
}
