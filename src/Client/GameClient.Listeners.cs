using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Client;

public sealed partial class GameClient
{
    private const string MessageMethod = "Message";

    private readonly object _listenersGate = new();
    private readonly Dictionary<string, List<Listener>> _listeners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _registered = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds a handler of a hub method. Each method is registered with SignalR once, taking its arguments as plain
    /// objects (SignalR binds one set of parameter types per method), and every handler reads its own type from them.
    /// </summary>
    internal IDisposable Listen(string method, Action<HubEvent> callback, bool inline = false)
    {
        var listener = new Listener(this, method, callback, inline);
        bool register;
        lock (_listenersGate)
        {
            if (!_listeners.TryGetValue(method, out var list))
            {
                _listeners[method] = list = [];
            }

            list.Add(listener);
            register = _registered.Add(method);
        }

        if (register)
        {
            Type[] parameters = method == MessageMethod ? [typeof(string), typeof(object)] : [typeof(object)];
            _hub.On(method, parameters, OnHubMessageAsync, method);
        }

        return listener;
    }

    internal void Remove(Listener listener)
    {
        lock (_listenersGate)
        {
            if (_listeners.TryGetValue(listener.Method, out var list))
            {
                list.Remove(listener);
            }
        }
    }

    private void Wire()
    {
        Listen(ServerMethodNames.Closing, message =>
        {
            var closing = new ClosingEventArgs(Payloads.Read<Closing>(message.Payload));
            Volatile.Write(ref _lastClosing, closing);
            if (closing.IsFinal)
            {
                _final = true;
            }

            Raise(() => Closing?.Invoke(this, closing));
        }, inline: true);
        Listen(ServerMethodNames.Error, message =>
        {
            var error = new GameErrorEventArgs(Payloads.Read<ErrorMessage>(message.Payload));
            Raise(() => Error?.Invoke(this, error));
            if (error.Code == ErrorCodes.RoomFailed)
            {
                Interlocked.Exchange(ref _room, null)?.End(LeaveCause.Failed);
            }
        }, inline: true);
        _hub.Reconnecting += exception =>
        {
            Raise(() => Reconnecting?.Invoke(this, exception));
            return Task.CompletedTask;
        };
        _hub.Reconnected += _ =>
        {
            Raise(() => Reconnected?.Invoke(this, EventArgs.Empty));
            return Task.CompletedTask;
        };
        _hub.Closed += exception =>
        {
            Raise(() => Disconnected?.Invoke(this, exception));
            Interlocked.Exchange(ref _room, null)?.End(LeaveCause.Disconnected);
            return Task.CompletedTask;
        };
    }

    private async Task OnHubMessageAsync(object?[] arguments, object state)
    {
        var method = (string)state;
        HubEvent message;
        try
        {
            message = method == MessageMethod
                ? new HubEvent(arguments[0] as string, Payloads.ToElement(arguments[1]))
                : new HubEvent(null, Payloads.ToElement(arguments[0]));
        }
        catch (JsonException exception)
        {
            Raise(() => CallbackFailed?.Invoke(this, exception));
            return;
        }

        Listener[] listeners;
        lock (_listenersGate)
        {
            listeners = _listeners.TryGetValue(method, out var list) ? [.. list] : [];
        }

        foreach (var listener in listeners)
        {
            if (listener.Inline)
            {
                Run(() => listener.Invoke(message));
            }
        }

        if (listeners.Any(listener => !listener.Inline))
        {
            Raise(() =>
            {
                foreach (var listener in listeners)
                {
                    if (!listener.Inline)
                    {
                        listener.Invoke(message);
                    }
                }
            });
        }

        if (method == ServerMethodNames.Ping && _options.AnswerPings)
        {
            await AnswerPingAsync(message.Payload).ConfigureAwait(false);
        }
    }

    private async Task AnswerPingAsync(JsonElement payload)
    {
        try
        {
            // At once: the server measures the round trip from it and closes connections that stay silent.
            var ping = Payloads.Read<Ping>(payload);
            await _hub.SendAsync(ServerMethodNames.Pong, new PongMessage(ping.Seq), _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is going away or the ping was malformed: there is nothing to answer.
        }
    }

    // The SDK's own bookkeeping must not die with one bad message either.
    private void Run(Action action)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // Reported, never thrown into the receive loop.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Raise(() => CallbackFailed?.Invoke(this, exception));
        }
    }

    internal void RaiseLeave(Action<LeaveCause>[] handlers, LeaveCause cause)
    {
        if (handlers.Length > 0)
        {
            Raise(() =>
            {
                foreach (var handler in handlers)
                {
                    handler(cause);
                }
            });
        }
    }
}
