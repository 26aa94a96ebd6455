using OrleansGame.Arena.Simulation;
using OrleansGame.Arena.Validation;
using OrleansGame.Arena.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Arena;

/// <summary>The tick: apply the batch's inputs and chat in order, step the arena, run the round lifecycle.</summary>
public sealed partial class ArenaMode
{
    /// <inheritdoc />
    public override void OnTick(ArenaSimulation state, IRoom room, IReadOnlyList<RoomMessage> messages)
    {
        foreach (var message in messages)
        {
            switch (message.Type)
            {
                case ArenaMessageTypes.Input:
                    ApplyInput(state, room, message.From, message.Payload as InputMessage);
                    break;
                case ArenaMessageTypes.Chat:
                    RelayChat(room, message.From, message.Payload as ChatRequest);
                    break;
                default:
                    break;
            }
        }

        var events = state.Step(room.TickInterval.TotalSeconds);
        if ((events & StepEvents.RoundEnded) != 0)
        {
            EndRound(state, room);
        }

        if ((events & StepEvents.RoundStarted) != 0)
        {
            room.Broadcast(ArenaMessageTypes.RoomEvent, new ArenaRoomEvent(ArenaEventTypes.RoundStarted));
        }

        room.Phase = PhaseName(state);
    }

    private static void ApplyInput(ArenaSimulation state, IRoom room, string from, InputMessage? input)
    {
        // An away player stands still until it returns; an input that overtook the drop must not move it.
        if (room.Find(from) is not { IsAway: false } || state.Find(from) is not { Away: false } player)
        {
            return;
        }

        var check = InputRules.Check(input, player.LastSeq);
        switch (check.Verdict)
        {
            case InputVerdict.Accept:
                player.LastSeq = check.Seq;
                player.SetIntent(check.Dx, check.Dy);
                break;
            case InputVerdict.Reject:
                room.Reject(from, ArenaErrorCodes.InvalidInput, check.Error ?? "invalid input");
                break;
            default:
                break;
        }
    }

    private static void RelayChat(IRoom room, string from, ChatRequest? request)
    {
        if (room.Find(from) is not { } member)
        {
            return;
        }

        if (!ChatRules.TryNormalize(request?.Text, out var text, out var error))
        {
            room.Reject(from, ArenaErrorCodes.InvalidChat, error ?? "invalid chat text");
            return;
        }

        room.Broadcast(ArenaMessageTypes.Chat, new ChatMessage(from, member.Name, text, room.Now.ToUnixTimeMilliseconds()));
    }

    private static void EndRound(ArenaSimulation state, IRoom room)
    {
        var players = state.Players;
        var results = new RoundResult[players.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var player = players[i];
            results[i] = new RoundResult(player.Id, room.Find(player.Id)?.Name ?? player.Id, player.Score);
        }

        Array.Sort(results, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.PlayerId, b.PlayerId));
        var counted = results.Length >= 2;
        var top = results.Length > 0 ? results[0].Score : 0;
        foreach (var result in results)
        {
            // Everyone tied at the top of a counted round wins it; a round nobody scored in has no winner.
            room.RecordResult(new GameResult(result.PlayerId, result.Score, counted, counted && top > 0 && result.Score == top));
        }

        room.Broadcast(ArenaMessageTypes.RoomEvent, new ArenaRoomEvent(ArenaEventTypes.RoundEnded, Results: results));
    }

    private static string PhaseName(ArenaSimulation state) =>
        state.Phase == ArenaPhase.Results ? RoomPhases.Results : RoomPhases.Playing;
}
