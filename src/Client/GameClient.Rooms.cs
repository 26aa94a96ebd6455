using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Client;

public sealed partial class GameClient
{
    /// <summary>
    /// Quick join in <paramref name="mode"/>: the fullest public room with the same properties and a free seat, or a
    /// new one. Connects first when needed.
    /// </summary>
    /// <param name="mode">The mode's name; null for the server's default mode.</param>
    /// <param name="options">The properties to match.</param>
    /// <param name="cancellationToken">Stops waiting for the answer (the server may still seat the player).</param>
    /// <returns>The seat's handle; a refusal throws <see cref="GameException"/> (<c>unknown_mode</c>, <c>room_in_progress</c>, ...).</returns>
    public Task<Room> JoinOrCreateAsync(string? mode = null, JoinOrCreateOptions? options = null, CancellationToken cancellationToken = default) =>
        SeatAsync(ServerMethodNames.JoinRoom, new JoinRoomRequest(null, mode, options?.Properties), cancellationToken);

    /// <summary>Creates a room of <paramref name="mode"/> and seats the player; its <see cref="Room.Id"/> is the code to share.</summary>
    /// <param name="mode">The mode's name; null for the server's default mode.</param>
    /// <param name="options">Private or public (the default), and the room's properties.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The seat's handle.</returns>
    public Task<Room> CreateAsync(string? mode = null, CreateRoomOptions? options = null, CancellationToken cancellationToken = default) =>
        SeatAsync(ServerMethodNames.CreateRoom, new CreateRoomRequest(options?.IsPrivate ?? false, mode, options?.Properties), cancellationToken);

    /// <summary>Joins a room by its code (its id), whatever mode it plays: <see cref="Room.Mode"/> says which.</summary>
    /// <param name="code">6 characters of a-z and 0-9.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The seat's handle; a refusal throws <see cref="GameException"/> (<c>invalid_room_id</c>, <c>room_not_found</c>, <c>room_full</c>, ...).</returns>
    public Task<Room> JoinAsync(string code, CancellationToken cancellationToken = default) =>
        SeatAsync(ServerMethodNames.JoinRoom, new JoinRoomRequest(code ?? throw new ArgumentNullException(nameof(code))), cancellationToken);

    /// <summary>Leaves the room the player is seated in (also one a cancelled join may have left behind).</summary>
    public async Task LeaveRoomAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        using var linked = Link(cancellationToken);
        await InvokeAsync(ServerMethodNames.LeaveRoom, [], linked.Token).ConfigureAwait(false);
        Interlocked.Exchange(ref _room, null)?.End(LeaveCause.Left);
    }

    internal async Task SendAsync(string type, object? payload, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var linked = Link(cancellationToken);
        try
        {
            await _hub.SendAsync(ServerMethodNames.Send, type, payload, linked.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            throw new GameException(GameException.Network, exception.Message, innerException: exception);
        }
    }

    private async Task<Room> SeatAsync(string method, object request, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var linked = Link(cancellationToken);
        await EnsureConnectedAsync(linked.Token).ConfigureAwait(false);
        var result = await InvokeAsync(method, [request], linked.Token).ConfigureAwait(false);
        var room = new Room(this, result);
        Interlocked.Exchange(ref _room, room)?.End(LeaveCause.Replaced);
        return room;
    }

    private async Task<JsonElement> InvokeAsync(string method, object?[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _hub.InvokeCoreAsync(method, typeof(object), arguments, cancellationToken).ConfigureAwait(false);
            return Payloads.ToElement(result);
        }
        catch (HubException exception)
        {
            throw HubErrors.Parse(exception);
        }
        catch (InvalidOperationException exception)
        {
            // Not connected (or the connection went away during the call).
            throw new GameException(GameException.Network, exception.Message, innerException: exception);
        }
    }
}
