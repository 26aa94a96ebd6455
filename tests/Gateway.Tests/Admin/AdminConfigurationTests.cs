using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansGame.Gateway.Admin;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Admin;

/// <summary>The admin keys' configuration: none disables the console with a clear answer, a bad one stops the gateway at start.</summary>
[Collection(OwnHostsCollection.Name)]
public sealed class AdminConfigurationTests
{
    [Fact]
    public async Task NoKeyConfigured_TheConsoleRefusesEverything_With403AdminDisabled()
    {
        await using var host = await GatewayHost.StartAsync();

        foreach (var (method, path) in new[] { (HttpMethod.Get, "/admin/api/rooms"), (HttpMethod.Post, "/admin/api/leaderboard/reset") })
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add(AdminAccessFilter.KeyHeader, "any-key-at-all-0123456789abcdefghijklmnop");
            using var response = await host.Operations.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(AdminErrorCodes.AdminDisabled, problem.GetProperty("code").GetString());
            Assert.Contains("Admin:Keys", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("short", "Operator")]
    [InlineData("a-long-enough-key-0123456789abcdefghijkl", "Superuser")]
    public async Task ABadKey_StopsTheGatewayAtStart(string key, string role)
    {
        var error = await Record.ExceptionAsync(async () => await (await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Admin:Keys:0:Name"] = "olga",
            ["Admin:Keys:0:Key"] = key,
            ["Admin:Keys:0:Role"] = role,
        })).DisposeAsync());

        Assert.True(error is OptionsValidationException or InvalidOperationException, $"unexpected: {error}");
        Assert.Contains("Admin", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdminOptions_NameTheFirstBadSetting()
    {
        Assert.Null(new AdminOptions().Validate());
        Assert.Contains("Role", new AdminOptions { Keys = [new() { Name = "a", Key = new string('k', 32), Role = "root" }] }.Validate(), StringComparison.Ordinal);
        Assert.Contains("Name", new AdminOptions { Keys = [new() { Key = new string('k', 32) }] }.Validate(), StringComparison.Ordinal);
        Assert.Contains("32", new AdminOptions { Keys = [new() { Name = "a", Key = "k" }] }.Validate(), StringComparison.Ordinal);
        var same = new string('k', 40);
        Assert.Contains("same", new AdminOptions { Keys = [new() { Name = "a", Key = same }, new() { Name = "b", Key = same }] }.Validate(), StringComparison.Ordinal);
    }
}
