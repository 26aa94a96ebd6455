using System.Net;
using System.Text.Json;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary><c>GET /api/modes</c> and <c>GET /api/rooms?mode=</c>.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ModeEndpointTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Modes_ListsTheArenaAsTheDefaultMode()
    {
        using var body = JsonDocument.Parse(await Host.Http.GetStringAsync("/api/modes", TestContext.Current.CancellationToken));

        var arena = Assert.Single(body.RootElement.EnumerateArray(), m => m.GetProperty("name").GetString() == "arena");
        Assert.True(arena.GetProperty("isDefault").GetBoolean());
        Assert.Equal(8, arena.GetProperty("capacity").GetInt32());
        Assert.Equal(20, arena.GetProperty("tickRate").GetInt32());
        Assert.True(arena.GetProperty("joinInProgress").GetBoolean());
        Assert.Single(body.RootElement.EnumerateArray(), m => m.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Modes_ListsFourInARowBesideTheArena()
    {
        using var body = JsonDocument.Parse(await Host.Http.GetStringAsync("/api/modes", TestContext.Current.CancellationToken));

        var four = Assert.Single(body.RootElement.EnumerateArray(), m => m.GetProperty("name").GetString() == "four-in-a-row");
        Assert.False(four.GetProperty("isDefault").GetBoolean());
        Assert.Equal(10, four.GetProperty("capacity").GetInt32());
        Assert.Equal(10, four.GetProperty("tickRate").GetInt32());
    }

    [Theory]
    [InlineData("/api/rooms?mode=arena")]
    [InlineData("/api/rooms")]
    public async Task Rooms_OfTheArena_ListAPublicRoomWithItsMode(string path)
    {
        await using var owner = await Host.ConnectNewPlayerAsync(WireProtocol.Json);
        var created = await owner.CreateRoomAsync(isPrivate: false).WaitAsync(Bound, TestContext.Current.CancellationToken);

        var room = await Eventually.WaitAsync(
            async () => JsonDocument.Parse(await Host.Http.GetStringAsync(path, TestContext.Current.CancellationToken))
                .RootElement.EnumerateArray().FirstOrDefault(r => r.GetProperty("roomId").GetString() == created.RoomId),
            r => r.ValueKind == JsonValueKind.Object,
            Bound);

        Assert.Equal("arena", room.GetProperty("mode").GetString());
        Assert.False(room.GetProperty("isPrivate").GetBoolean());
    }

    [Theory]
    [InlineData("nope", "unknown_mode")]
    [InlineData("bad%20mode!", "invalid_argument")]
    [InlineData("arena&mode=arena", "invalid_argument")]
    [InlineData("", "invalid_argument")]
    public async Task Rooms_OfAModeThatIsNotThere_Returns400(string mode, string code)
    {
        using var response = await Host.Http.GetAsync($"/api/rooms?mode={mode}", TestContext.Current.CancellationToken);

        await SessionTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
    }
}
