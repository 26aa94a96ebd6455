using OrleansGame.Gateway.Api;

namespace OrleansGame.Gateway.Admin;

/// <summary>
/// Lets an admin API request through when it carries a configured key (<c>X-Admin-Key</c>) whose role may do it:
/// 403 <c>admin_disabled</c> when no key is configured, 401 <c>unauthorized</c> without a known key, 403
/// <c>forbidden</c> for an action asked with a read-only key. A refused action is audited too.
/// </summary>
internal sealed class AdminAccessFilter(AdminKeyRing keys, AdminAudit audit) : IEndpointFilter
{
    /// <summary>The header that carries the key.</summary>
    public const string KeyHeader = "X-Admin-Key";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var action = http.GetEndpoint()?.Metadata.GetMetadata<AdminAction>();
        var target = http.Request.Path.Value ?? "";
        if (!keys.Enabled)
        {
            Audit("anonymous", AdminOutcomes.Disabled);
            return GameProblems.Result(StatusCodes.Status403Forbidden, AdminErrorCodes.AdminDisabled,
                "the admin area is disabled: no admin key is configured (set Admin:Keys:0:Name, Admin:Keys:0:Key and Admin:Keys:0:Role)");
        }

        if (keys.Find(http.Request.Headers[KeyHeader]) is not { } caller)
        {
            Audit("anonymous", AdminOutcomes.Unauthorized);
            return GameProblems.Result(StatusCodes.Status401Unauthorized, AdminErrorCodes.Unauthorized, $"send a configured admin key in the {KeyHeader} header");
        }

        if (action is not null && caller.Role != AdminRole.Operator)
        {
            Audit(caller.Name, AdminOutcomes.Forbidden);
            return GameProblems.Result(StatusCodes.Status403Forbidden, AdminErrorCodes.Forbidden, $"the key of {caller.Name} is read-only; {action.Name} needs an operator key");
        }

        http.Items[typeof(AdminCaller)] = caller;
        return await next(context);

        void Audit(string admin, string outcome)
        {
            if (action is not null)
            {
                audit.Record(admin, action.Name, target, outcome);
            }
        }
    }
}
