using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Security;

/// <summary>The signing keys: refused when unusable in client mode, and rotated without logging anybody out.</summary>
[Collection(OwnHostsCollection.Name)]
public sealed class SigningKeyTests
{
    private const string KeyA = "rotation-key-A-7f3c9e1b2d4a6c8e0f1a3b5c7d9e";
    private const string KeyB = "rotation-key-B-1a2b3c4d5e6f708192a3b4c5d6e7";

    // What docker-compose.yml used to fall back on: published, so anybody could forge tokens with it.
    private const string OldComposeKey = "local-trial-signing-key-change-me-0123456789";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(OldComposeKey)]
    [InlineData("too-short-key-0123")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Create_ClientModeWithAMissingPlaceholderOrWeakKey_IsRefusedNamingTheSetting(string? key)
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() => GatewayApplication.Create([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Orleans:Mode"] = "Client",
                ["ConnectionStrings:redis"] = "127.0.0.1:1",
                ["Auth:SigningKey"] = key,
            })));

        Assert.Contains("Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TwoKeysWithOneId_IsRefused()
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() => GatewayApplication.Create([], builder =>
            builder.Configuration.AddInMemoryCollection(Keys(("same", KeyA), ("same", KeyB)))));

        Assert.Contains("same", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayProcess_ClientModeWithThePlaceholderKey_ExitsWithCode2AndOneClearLine()
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "OrleansGame.Gateway"),
            ["--Orleans:Mode", "Client", "--ConnectionStrings:redis", "127.0.0.1:1", "--Auth:SigningKey", OldComposeKey])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.Equal(2, process.ExitCode);
            Assert.StartsWith("gateway: invalid configuration: Auth:SigningKey: the key looks like a placeholder", (await stderr).Trim(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Rotation_TokensOfTheOldKey_AreAcceptedWhileItIsConfiguredAndRefusedOnceItIsRemoved()
    {
        string tokenA;
        await using (var onlyA = await GatewayHost.StartAsync(Keys(("a", KeyA))))
        {
            tokenA = (await onlyA.CreateSessionAsync()).Token;
        }

        string tokenB;
        await using (var rotated = await GatewayHost.StartAsync(Keys(("b", KeyB), ("a", KeyA))))
        {
            Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(rotated, tokenA));
            tokenB = (await rotated.CreateSessionAsync()).Token;
        }

        await using var onlyB = await GatewayHost.StartAsync(Keys(("b", KeyB)));

        Assert.Equal("a", new JsonWebToken(tokenA).Kid);
        Assert.Equal("b", new JsonWebToken(tokenB).Kid);
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(onlyB, tokenA));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(onlyB, tokenB));
    }

    private static Dictionary<string, string?> Keys(params (string Id, string Key)[] keys)
    {
        var settings = new Dictionary<string, string?> { ["Auth:SigningKey"] = null };
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Auth:SigningKeys:{i}:Id"] = keys[i].Id;
            settings[$"Auth:SigningKeys:{i}:Key"] = keys[i].Key;
        }

        return settings;
    }

    private static async Task<HttpStatusCode> NegotiateAsync(GatewayHost host, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/game/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
