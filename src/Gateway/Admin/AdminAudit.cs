using System.Diagnostics.Metrics;
using OrleansGame.Gateway.Observability;

namespace OrleansGame.Gateway.Admin;

/// <summary>
/// The audit trail of the admin API's actions: one structured log line each (who, what, on what, when, how it ended)
/// and the counter <c>orleansgame.admin.actions</c> by action and outcome. A DI singleton.
/// </summary>
internal sealed partial class AdminAudit
{
    /// <summary>The counter's name.</summary>
    public const string ActionsCounter = "orleansgame.admin.actions";

    private readonly Counter<long> _actions;
    private readonly ILogger<AdminAudit> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the counter on the gateway's meter.</summary>
    public AdminAudit(IMeterFactory meterFactory, ILogger<AdminAudit> logger, TimeProvider time)
    {
        _actions = meterFactory.Create(GatewayTelemetry.Name).CreateCounter<long>(
            ActionsCounter, "{action}", "Actions asked of the admin API, by action and outcome (ok, not_found, invalid, unauthorized, forbidden, disabled).");
        _logger = logger;
        _time = time;
    }

    /// <summary>Records that <paramref name="admin"/> asked for <paramref name="action"/> on <paramref name="target"/>, with <paramref name="outcome"/>.</summary>
    public void Record(string admin, string action, string target, string outcome)
    {
        _actions.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("outcome", outcome));
        LogAction(_logger, admin, action, target, outcome, _time.GetUtcNow());
    }

    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Admin audit: {Admin} {Action} {Target}: {Outcome} at {At:O}")]
    private static partial void LogAction(ILogger logger, string admin, string action, string target, string outcome, DateTimeOffset at);
}
