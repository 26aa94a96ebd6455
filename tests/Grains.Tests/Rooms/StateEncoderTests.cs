using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Tests.Infrastructure;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Grains.Tests.Rooms;

/// <summary>
/// The host's compact encoding: for random sequences of states, every delta applied to the state before it gives the
/// next state (quantised) exactly, and that state is the full one within its steps.
/// </summary>
public sealed class StateEncoderTests
{
    private static readonly Dictionary<string, int> Steps = new(StringComparer.Ordinal) { ["x"] = 10, ["y"] = 10, ["heading"] = 1000 };

    private static readonly string[] Names = ["x", "y", "heading", "id", "name", "score", "players", "items", "away", "meta"];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Next_RandomStates_EveryDeltaRebuildsTheNextStateWithinItsSteps(int seed)
    {
        var random = new Random(seed);
        using var encoder = new StateEncoder();
        var steps = StateSteps.Of(Steps);
        JsonNode? state = RandomObject(random, depth: 0);
        JsonNode? rebuilt = null;
        for (var step = 0; step < 60; step++)
        {
            var full = Encoding.UTF8.GetBytes(state!.ToJsonString());
            // Now and then the stream breaks (a state the gateway did not get): the next one is a keyframe again.
            var follows = step > 0 && random.Next(15) != 0;
            var delta = encoder.Next(steps, full, follows);
            var expected = DeltaApplier.Quantised(JsonNode.Parse(full), Steps);
            if (!follows)
            {
                Assert.Null(delta);
                rebuilt = expected;
            }
            else
            {
                rebuilt = DeltaApplier.Apply(rebuilt, JsonNode.Parse(delta!), Steps, NumberedNames(encoder));
                Assert.Equal(DeltaApplier.Canonical(expected), DeltaApplier.Canonical(rebuilt));
                AssertWithinSteps(JsonNode.Parse(full), rebuilt, null);
            }

            var mutated = Mutate(random, state, null, depth: 0);
            state = mutated is JsonObject or JsonArray ? mutated : RandomObject(random, depth: 0);
        }
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Fact]
    public void Next_ArenaTick_DeltaCarriesOnlyWhatMovedAsWholeSteps()
    {
        using var encoder = new StateEncoder();
        var players = Enumerable.Range(0, 8).Select(i => new PlayerState($"player-{i:00}-{new string('a', 20)}", 100 + i * 50.5, 300.2, i, 40, 25, false)).ToArray();
        var before = new Snapshot("k3x9qa", 100, 1_796_000_000_000, "playing", 42_000, players, []);
        var after = before with
        {
            Tick = 101, ServerTime = before.ServerTime + 50, RemainingMs = 41_950,
            Players = [.. players.Select((p, i) => i < 2 ? p with { X = p.X + 10, AckSeq = p.AckSeq + 1 } : p)],
        };

        var steps = ArenaSteps;
        Assert.Null(encoder.Next(steps, Serialize(before), follows: false));
        var delta = encoder.Next(steps, Serialize(after), follows: true)!;

        Assert.Equal(
            """["roomId","tick","serverTime","phase","remainingMs","players","playerId","x","y","score","ackSeq","rttMs","away","orbs"]""",
            Encoding.UTF8.GetString(encoder.NamesJson));
        Assert.Equal("""[1,1,2,50,4,-50,5,[0,[7,100,10,1],1,[7,100,10,1]]]""", Encoding.UTF8.GetString(delta));
        Assert.Equal("""{"x":10,"y":10}""", Encoding.UTF8.GetString(steps.Json));
        Assert.True(delta.Length * 5 < Serialize(after).Length, $"the delta ({delta.Length} bytes) is not a fifth of the snapshot ({Serialize(after).Length})");
    }

    [Fact]
    public void Next_MembersPastTheNumberedNamesOrNewLater_GoByName()
    {
        using var encoder = new StateEncoder();
        var first = new JsonObject(Enumerable.Range(0, StateEncoder.MaxNames + 10).Select(static i => KeyValuePair.Create<string, JsonNode?>($"m{i}", i)));
        encoder.Next(StateSteps.None, Encoding.UTF8.GetBytes(first.ToJsonString()), follows: false);
        var second = (JsonObject)first.DeepClone();
        second["m0"] = 1;
        second["m260"] = 2;
        second.Remove("m1");
        second["late"] = "new";

        var delta = encoder.Next(StateSteps.None, Encoding.UTF8.GetBytes(second.ToJsonString()), follows: true)!;

        Assert.Equal(StateEncoder.MaxNames, NumberedNames(encoder).Length);
        Assert.Equal("""[0,1,"m260",-258,"late",["new"],1,[]]""", Encoding.UTF8.GetString(delta));
        Assert.Equal(
            DeltaApplier.Canonical(second),
            DeltaApplier.Canonical(DeltaApplier.Apply(JsonNode.Parse(first.ToJsonString()), JsonNode.Parse(delta), new Dictionary<string, int>(), NumberedNames(encoder))));
    }

    [Fact]
    public void Next_NamesAndStringsWrittenWithEscapes_RebuildTheState()
    {
        // A mode's serialiser may escape what it writes: the same name or string can then be written two ways.
        using var encoder = new StateEncoder();
        var first = """{"say \"hi\"":"caf\u00e9","x":1,"who":"a\"b","list":[{"n\u0061me":"z"}]}"""u8.ToArray();
        var second = """{"say \"hi\"":"café","x":2,"who":"a\"c","list":[{"name":"z"},{"say \"hi\"":1}]}"""u8.ToArray();
        encoder.Next(StateSteps.None, first, follows: false);

        var delta = encoder.Next(StateSteps.None, second, follows: true)!;

        Assert.Equal(
            DeltaApplier.Canonical(JsonNode.Parse(second)),
            DeltaApplier.Canonical(DeltaApplier.Apply(JsonNode.Parse(first), JsonNode.Parse(delta), new Dictionary<string, int>(), NumberedNames(encoder))));
        Assert.DoesNotContain("[]", Encoding.UTF8.GetString(delta), StringComparison.Ordinal);
    }

    [Fact]
    public void Next_MovedWithinItsStep_IsNoChange()
    {
        // Clients see x at 1.0 both times: the member is left out, and so is the object that only it changed in.
        using var encoder = new StateEncoder();
        encoder.Next(StateSteps.Of(Steps), """{"p":{"x":1.01,"id":1},"n":1,"q":{"y":5.0}}"""u8.ToArray(), follows: false);

        var delta = encoder.Next(StateSteps.Of(Steps), """{"p":{"x":1.04,"id":1},"n":2,"q":{"y":5.2}}"""u8.ToArray(), follows: true)!;

        Assert.Equal("""[3,1,4,[5,2]]""", Encoding.UTF8.GetString(delta));
    }

    [Fact]
    public void Next_SameStateAgain_IsAnEmptyDelta()
    {
        using var encoder = new StateEncoder();
        encoder.Next(StateSteps.Of(Steps), """{"a":[1,2],"x":1.04}"""u8.ToArray(), follows: false);
        Assert.Equal("{}", Encoding.UTF8.GetString(encoder.Next(StateSteps.Of(Steps), """{"a":[1,2],"x":0.96}"""u8.ToArray(), follows: true)!));
    }

    [Fact]
    public void FromJson_TheStepsARoomSent_ReadBackAndReusedWhenTheSame()
    {
        var arena = ArenaSteps;
        var read = StateSteps.FromJson(arena.Json);
        Assert.Equal(arena.Steps, read.Steps);
        Assert.Same(read, StateSteps.FromJson(arena.Json, read));
        Assert.Throws<JsonException>(() => StateSteps.FromJson("""{"x":0}"""u8));
    }

    [Fact]
    public void Arena_QuantisesPositionsToATenth()
    {
        Assert.Equal(new Dictionary<string, int> { ["x"] = 10, ["y"] = 10 }, ArenaSteps.Steps);
        Assert.Empty(StateSteps.Of(new ModeSettings().Quantize).Steps);
    }

    private static string[] NumberedNames(StateEncoder encoder) => JsonSerializer.Deserialize<string[]>(encoder.NamesJson)!;

    private static StateSteps ArenaSteps => StateSteps.Of(new ArenaMode(new ArenaOptions()).Settings.Quantize);

    private static byte[] Serialize(Snapshot snapshot) => JsonSerializer.SerializeToUtf8Bytes(snapshot, RoomJson.Options);

    private static void AssertWithinSteps(JsonNode? full, JsonNode? rebuilt, string? name)
    {
        switch (full)
        {
            case JsonObject members:
                var quantised = Assert.IsType<JsonObject>(rebuilt);
                // A member added later comes last in the rebuilt object: the order of members is not part of the state.
                Assert.Equal(members.Select(m => m.Key).Order(StringComparer.Ordinal), quantised.Select(m => m.Key).Order(StringComparer.Ordinal));
                foreach (var (key, value) in members)
                {
                    AssertWithinSteps(value, quantised[key], key);
                }

                break;
            case JsonArray elements:
                var quantisedElements = Assert.IsType<JsonArray>(rebuilt);
                Assert.Equal(elements.Count, quantisedElements.Count);
                for (var i = 0; i < elements.Count; i++)
                {
                    AssertWithinSteps(elements[i], quantisedElements[i], name);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && name is not null && Steps.TryGetValue(name, out var perUnit):
                Assert.InRange(rebuilt!.GetValue<double>() - value.GetValue<double>(), -0.5 / perUnit - 1e-9, 0.5 / perUnit + 1e-9);
                break;
            default:
                Assert.Equal(full?.ToJsonString(), rebuilt?.ToJsonString());
                break;
        }
    }

    private static JsonObject RandomObject(Random random, int depth)
    {
        var members = new JsonObject();
        foreach (var name in Names.OrderBy(_ => random.Next()).Take(random.Next(1, 6)))
        {
            members[name] = RandomValue(random, name, depth + 1);
        }

        return members;
    }

    private static JsonNode? RandomValue(Random random, string? name, int depth) => random.Next(depth > 3 ? 5 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create($"s{random.Next(5)}"),
        3 or 4 => name is not null && Steps.ContainsKey(name)
            ? JsonValue.Create(Math.Round(random.NextDouble() * 2000 - 1000, random.Next(6)))
            : random.Next(4) == 0 ? JsonValue.Create(random.NextDouble() * 10) : JsonValue.Create(random.NextInt64(-1_000_000, 1_800_000_000_000)),
        5 or 6 => new JsonArray([.. Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(3) == 0 ? RandomValue(random, name, depth + 1) : RandomObject(random, depth + 1))]),
        _ => RandomObject(random, depth),
    };

    /// <summary>The next state: most of it as it was, numbers moving, members and elements coming and going, a few values changing type.</summary>
    private static JsonNode? Mutate(Random random, JsonNode? node, string? name, int depth)
    {
        if (random.Next(25) == 0)
        {
            return RandomValue(random, name, depth);
        }

        switch (node)
        {
            case JsonObject members:
                var next = new JsonObject();
                foreach (var (key, value) in members)
                {
                    if (random.Next(12) != 0)
                    {
                        next[key] = Mutate(random, value, key, depth + 1);
                    }
                }

                if (random.Next(8) == 0 && Names.FirstOrDefault(n => !next.ContainsKey(n) && random.Next(2) == 0) is { } added)
                {
                    next[added] = RandomValue(random, added, depth + 1);
                }

                return next;
            case JsonArray elements:
                var kept = elements.Take(random.Next(10) == 0 ? random.Next(elements.Count + 1) : elements.Count)
                    .Select(e => Mutate(random, e, name, depth + 1)).ToList();
                if (random.Next(8) == 0)
                {
                    kept.Add(RandomObject(random, depth + 1));
                }

                return new JsonArray([.. kept]);
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && random.Next(2) == 0:
                return name is not null && Steps.ContainsKey(name)
                    ? JsonValue.Create(value.GetValue<double>() + random.NextDouble() * 40 - 20)
                    : value.TryGetValue<long>(out var whole) ? JsonValue.Create(whole + random.Next(-100, 100)) : JsonValue.Create(random.NextDouble());
            default:
                return node?.DeepClone();
        }
    }
}
