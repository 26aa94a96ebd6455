using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Gateway.Auth;

namespace OrleansGame.Gateway.Observability;

/// <summary>
/// Counts every hub call by type, starts the hub message's activity (which the forwarding to the grains continues),
/// counts invocations refused with a coded <see cref="HubException"/> (a client's mistake, logged at debug level), and
/// logs as an error an invocation that failed with anything else.
/// </summary>
internal sealed partial class GameHubTelemetryFilter(GatewayMetrics metrics, ILogger<GameHubTelemetryFilter> logger) : IHubFilter
{
    private const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    /// <inheritdoc/>
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        metrics.MessageReceived(method);
        using var activity = StartActivity(invocationContext, method);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException exception)
        {
            var code = CodeOf(exception.Message);
            metrics.MessageRejected(code);
            LogInvocationRefused(logger, method, invocationContext.Context.ConnectionId, code);
            activity?.SetStatus(ActivityStatusCode.Error, code);
            throw;
        }
        catch (Exception exception)
        {
            // SignalR's own log of a failed invocation is off (see ObservabilityExtensions): this is the one.
            LogInvocationFailed(logger, method, invocationContext.Context.ConnectionId, exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }

    /// <summary>Logs a connection the game could not set up (the player grain unreachable, ...); SignalR then closes it.</summary>
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            LogConnectFailed(logger, context.Context.ConnectionId, exception);
            throw;
        }
    }

    /// <summary>Logs a connection that ended with a transport or protocol error rather than a close.</summary>
    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (exception is not null)
        {
            LogDisconnectedWithError(logger, context.Context.ConnectionId, exception.GetType().Name);
        }

        return next(context, exception);
    }

    /// <summary>The code of a game error (<c>room_full: room k3x9qa is full</c>), or null.</summary>
    internal static string? CodeOf(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? message[..colon] : null;
    }

    private static Activity? StartActivity(HubInvocationContext context, string method)
    {
        if (!GatewayTelemetry.Source.HasListeners())
        {
            return null;
        }

        // Under SignalR's own invocation activity, nest; otherwise the current activity is the connection's
        // long-lived HTTP request, so each message starts its own trace and links back to the connection.
        var current = Activity.Current;
        ActivityLink[]? links = null;
        if (current is not null && current.Source.Name != SignalRSource)
        {
            links = [new ActivityLink(current.Context)];
            Activity.Current = null;
        }

        var activity = GatewayTelemetry.Source.StartActivity(ActivityKind.Server, links: links, name: $"GameHub/{method}");
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "signalr");
            activity.SetTag("rpc.service", "GameHub");
            activity.SetTag("rpc.method", method);
            activity.SetTag("signalr.connection_id", context.Context.ConnectionId);
            activity.SetTag("orleansgame.player_id", PlayerClaims.GetPlayerId(context.Context.User));
        }

        return activity;
    }
}
