using System.Text.Json;
using CsCheck;
using OrleansGame.Arena.Tests.Infrastructure;
using OrleansGame.Arena.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Arena.Tests;

/// <summary>Whatever members send, in whatever order they come and go, the mode's hooks never throw and the room stays sane.</summary>
public sealed class ArenaModePropertyTests
{
    private const int Players = 3;

    private static readonly ArenaOptions Options = new()
    {
        WorldWidth = 300,
        WorldHeight = 200,
        OrbCount = 12,
        RoundDuration = TimeSpan.FromSeconds(0.5),
        ResultsDuration = TimeSpan.FromSeconds(0.2),
    };

    private static readonly Gen<double?> Component = Gen.Frequency(
        (6, Gen.Double[-1.5, 1.5].Select(d => (double?)d)),
        (1, Gen.Double.Select(d => (double?)d)),
        (1, Gen.OneOf<double?>(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, null)));

    private static readonly Gen<object> Payloads = Gen.Frequency(
        (6, Gen.Select(Gen.Long[-3, 60].Select(s => (long?)s), Component, Component).Select((seq, dx, dy) => (object)new InputMessage(seq, dx, dy))),
        (2, Gen.String.Select(text => (object)new ChatRequest(text))),
        (1, Gen.Const<object>(new ChatRequest(null))));

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (10, Gen.Select(Gen.Int[0, Players - 1], Gen.Bool, Payloads).Select((player, chat, payload) => new Step(StepKind.Send, player, chat ? "Chat" : "Input", payload))),
        (3, Gen.Const(new Step(StepKind.Tick, 0, "", ""))),
        (1, Gen.Select(Gen.Int[0, Players - 1], Gen.Enum<StepKind>()).Select((player, kind) => new Step(kind, player, "", ""))));

    [Fact]
    public void Hooks_WhateverMembersSend_NeverThrowAndKeepEveryoneInsideTheWorld() =>
        Gen.Select(Gen.ULong, Steps.Array[1, 120]).Sample((seed, steps) =>
        {
            var arena = new ArenaRoom(Options, seed);
            for (var i = 0; i < Players; i++)
            {
                arena.Join($"p{i}", $"Player {i}");
            }

            var batch = new List<(string From, string Type, object Payload)>();
            foreach (var step in steps)
            {
                var id = $"p{step.Player}";
                var member = arena.Room.Find(id);
                switch (step.Kind)
                {
                    case StepKind.Send:
                        batch.Add((id, step.Type, step.Payload));
                        break;
                    case StepKind.Tick:
                        arena.Tick([.. batch]);
                        batch.Clear();
                        Check(arena);
                        break;
                    case StepKind.Join when member is null:
                        arena.Join(id, $"Player {step.Player}");
                        break;
                    case StepKind.Drop when member is { IsAway: false }:
                        arena.Drop(id);
                        break;
                    case StepKind.Return when member is { IsAway: true }:
                        arena.Return(id);
                        break;
                    case StepKind.Leave when member is not null:
                        arena.Leave(id);
                        break;
                    default:
                        break;
                }
            }

            arena.Tick([.. batch]);
            Check(arena);
        }, iter: 300);

    private static void Check(ArenaRoom arena)
    {
        var snapshot = JsonSerializer.Deserialize<Snapshot>(arena.StateJson(), RoomJson.Options)!;
        Assert.Equal(arena.Room.Members.Select(m => m.PlayerId), snapshot.Players.Select(p => p.PlayerId));
        foreach (var player in snapshot.Players)
        {
            Assert.InRange(player.X, Options.PlayerRadius - 0.05, Options.WorldWidth - Options.PlayerRadius + 0.05);
            Assert.InRange(player.Y, Options.PlayerRadius - 0.05, Options.WorldHeight - Options.PlayerRadius + 0.05);
            Assert.InRange(player.AckSeq, 0, 60);
        }

        Assert.All(arena.Room.Rejections, r => Assert.Contains(r.Code, new[] { ArenaErrorCodes.InvalidInput, ArenaErrorCodes.InvalidChat }));
        foreach (var member in arena.Room.Members)
        {
            Assert.Equal(snapshot.Players.Count, JsonSerializer.Deserialize<ArenaJoinState>(arena.JoinStateJson(member.PlayerId), RoomJson.Options)!.Snapshot.Players.Count);
        }
    }

    internal enum StepKind
    {
        Send,
        Tick,
        Join,
        Drop,
        Return,
        Leave,
    }

    internal readonly record struct Step(StepKind Kind, int Player, string Type, object Payload);
}
