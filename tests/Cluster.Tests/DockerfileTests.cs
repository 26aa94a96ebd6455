using System.Xml.Linq;
using OrleansGame.Cluster.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>
/// The images build from the repository (checked statically: no Docker daemon here): each Dockerfile copies, for its
/// restore layer and for its build, every project its program references, however indirectly.
/// </summary>
public sealed class DockerfileTests
{
    [Theory]
    [InlineData("src/Gateway/Dockerfile", "src/Gateway/Gateway.csproj")]
    [InlineData("src/Silo/Dockerfile", "src/Silo/Silo.csproj")]
    public void Dockerfile_CopiesEveryProjectItsProgramReferences(string dockerfile, string program)
    {
        var lines = File.ReadAllLines(Path.Combine(BuiltPrograms.RepositoryRoot, dockerfile));
        var copied = lines.Where(static l => l.StartsWith("COPY ", StringComparison.Ordinal)).Select(static l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

        var missing = new List<string>();
        foreach (var project in Closure(program))
        {
            var folder = Path.GetDirectoryName(project)!.Replace('\\', '/') + "/";
            if (!copied.Any(c => c.Contains(project) && c[^1] == folder))
            {
                missing.Add($"COPY {project} {folder}");
            }

            if (!copied.Any(c => c.Length == 3 && c[1] == folder && c[2] == folder))
            {
                missing.Add($"COPY {folder} {folder}");
            }
        }

        Assert.True(missing.Count == 0, $"{dockerfile} lacks:\n{string.Join('\n', missing)}");
    }

    /// <summary>The program's project and every project it references, as paths from the repository root.</summary>
    private static SortedSet<string> Closure(string program)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([program]);
        while (pending.TryPop(out var project))
        {
            if (!found.Add(project))
            {
                continue;
            }

            var document = XDocument.Load(Path.Combine(BuiltPrograms.RepositoryRoot, project));
            foreach (var reference in document.Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(BuiltPrograms.RepositoryRoot, Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value));
                pending.Push(Path.GetRelativePath(BuiltPrograms.RepositoryRoot, full).Replace('\\', '/'));
            }
        }

        return found;
    }
}
