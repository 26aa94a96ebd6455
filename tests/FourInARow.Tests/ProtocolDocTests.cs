using System.Reflection;

namespace OrleansGame.FourInARow.Tests;

/// <summary>docs/protocol.md names every message type, error code, phase and outcome of Four in a Row: clients depend on them.</summary>
public sealed class ProtocolDocTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "protocol.md")));

    public static TheoryData<string> Names() =>
        [.. new[] { typeof(FourInARowMessageTypes), typeof(FourInARowErrorCodes), typeof(GamePhases), typeof(GameOutcomes) }
            .SelectMany(static t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(static f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ProtocolDoc_NamesIt(string name) => Assert.Contains($"`{name}`", Doc.Value, StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansGame.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (OrleansGame.sln)");
    }
}
