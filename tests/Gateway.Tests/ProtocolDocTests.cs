using System.Reflection;
using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Gateway.Tests;

/// <summary>docs/protocol.md names every hub method, server method, error code and closing reason the code uses.</summary>
public sealed class ProtocolDocTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "protocol.md")));

    public static TheoryData<string> HubMethods() =>
        [.. typeof(GameHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(GameHub.OnConnectedAsync) or nameof(GameHub.OnDisconnectedAsync)))
            .Select(m => m.Name)];

    public static TheoryData<string> Names() =>
        [.. new[] { typeof(ServerMethods), typeof(ErrorCodes), typeof(ClosingReasons), typeof(HttpErrorCodes), typeof(RoomEventTypes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(HubMethods))]
    public void ProtocolDoc_NamesHubMethod(string method) => Assert.Contains($"`{method}`", Doc.Value, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Names))]
    public void ProtocolDoc_NamesCodeOrServerMethod(string name) => Assert.Contains($"`{name}`", Doc.Value, StringComparison.Ordinal);

    [Fact]
    public void ProtocolDoc_StatesTheMessageSizeLimit() =>
        Assert.Contains($"{GameHubExtensions.MaximumReceiveMessageSize / 1024} KB", Doc.Value, StringComparison.Ordinal);

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "") =>
        FindUp(AppContext.BaseDirectory) ?? FindUp(Path.GetDirectoryName(sourceFile)!)
        ?? throw new InvalidOperationException("cannot find the repository root (OrleansGame.sln)");

    private static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansGame.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
