using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Rooms;

/// <summary>What members send during play: inputs, chat, their round-trip time.</summary>
internal sealed partial class RoomGrain
{
    /// <inheritdoc />
    public Task InputAsync(string playerId, InputMessage input)
    {
        if (arena is null || !members.TryGetValue(playerId, out var member))
        {
            LogInputFromNonMember(RoomId, playerId);
            return Task.CompletedTask;
        }

        if (member.AwaySince is not null)
        {
            return Task.CompletedTask;
        }

        var check = InputRules.Check(input, member.LastSeq);
        switch (check.Verdict)
        {
            case InputVerdict.Accept:
                member.LastSeq = check.Seq;
                arena.Find(playerId)?.SetIntent(check.Dx, check.Dy);
                break;
            case InputVerdict.Reject when member.Observer is { } observer:
                LogInputRejected(RoomId, playerId, check.Seq);
                Push(observer, check.Error!, static (o, e) => o.OnErrorAsync(e));
                break;
            default:
                break;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ChatAsync(string playerId, string text)
    {
        if (arena is null || !members.TryGetValue(playerId, out var member))
        {
            LogChatFromNonMember(RoomId, playerId);
            return Task.CompletedTask;
        }

        if (!ChatRules.TryNormalize(text, out var normalized, out var error))
        {
            if (member.Observer is { } observer)
            {
                Push(observer, error!, static (o, e) => o.OnErrorAsync(e));
            }

            return Task.CompletedTask;
        }

        var message = new ChatMessage(playerId, member.Name, normalized, time.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var each in members.Values)
        {
            if (each.Observer is { } observer)
            {
                Push(observer, message, static (o, m) => o.OnChatAsync(m));
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReportRttAsync(string playerId, int rttMs)
    {
        if (members.TryGetValue(playerId, out var member))
        {
            member.RttMs = Math.Clamp(rttMs, 0, 60_000);
        }

        return Task.CompletedTask;
    }
}
