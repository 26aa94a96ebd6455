using System.Diagnostics;
using System.IO.Compression;
using OrleansGame.Client.Tests.Infrastructure;

namespace OrleansGame.Client.Tests;

/// <summary>
/// The SDK as its users meet it: packed into a folder feed, restored by a scratch console project outside the repository
/// (the feed and the local NuGet cache only, into a private packages folder), and run against a real gateway.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class PackTests(GatewayFixture fixture)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task PackedPackage_RestoresFromAFolderFeed_AndPlays()
    {
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("orleansgame-client-pack.");
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            await DotnetAsync(root, "pack", Path.Combine(root, "src/Contracts/Contracts.csproj"), "-o", feed, "-nologo", "-v:q");
            await DotnetAsync(root, "pack", Path.Combine(root, "src/Client/Client.csproj"), "-o", feed, "-nologo", "-v:q");
            await DotnetAsync(root, "pack", Path.Combine(root, "src/Arena.Contracts/Arena.Contracts.csproj"), "-o", feed, "-nologo", "-v:q");
            AssertPackageContents(Path.Combine(feed, "OrleansGame.Client.0.1.0.nupkg"));

            var app = Path.Combine(work.FullName, "app");
            Directory.CreateDirectory(app);
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{Path.Combine(work.FullName, "packages")}" /></config>
                  <packageSources>
                    <clear />
                    <add key="orleansgame" value="{feed}" />
                    <add key="local-cache" value="{NuGetCache()}" />
                  </packageSources>
                </configuration>
                """, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="OrleansGame.Client" Version="0.1.0" />
                    <PackageReference Include="OrleansGame.Arena.Contracts" Version="0.1.0" />
                  </ItemGroup>
                </Project>
                """, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
                using OrleansGame.Arena.Wire;
                using OrleansGame.Client;

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await using var client = new GameClient(new GameClientOptions { BaseAddress = new Uri(args[0]), Protocol = GameProtocol.MessagePack });
                await client.CreateSessionAsync("Packed", timeout.Token);
                var room = await client.JoinOrCreateAsync("arena", new JoinOrCreateOptions { Properties = new Dictionary<string, string> { ["pack"] = "test" } }, timeout.Token);
                var snapshot = new TaskCompletionSource<Snapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
                room.OnState<Snapshot>(s => snapshot.TrySetResult(s));
                var first = await snapshot.Task.WaitAsync(timeout.Token);
                await room.LeaveAsync(timeout.Token);
                Console.WriteLine($"played {room.Mode} {first.RoomId}");
                """, TestContext.Current.CancellationToken);

            var output = await DotnetAsync(app, "run", "--", fixture.Server.BaseAddress.ToString());

            Assert.Matches(@"played arena [a-z0-9]{6}", output);
            var assets = await File.ReadAllTextAsync(Path.Combine(app, "obj", "project.assets.json"), TestContext.Current.CancellationToken);
            Assert.Contains("\"OrleansGame.Client/0.1.0\"", assets, StringComparison.Ordinal);
            Assert.Contains("\"type\": \"package\"", assets, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void AssertPackageContents(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(entry => entry.FullName).ToHashSet();
        Assert.Contains("README.md", entries);
        foreach (var framework in new[] { "netstandard2.1", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/OrleansGame.Client.dll", entries);
            Assert.Contains($"lib/{framework}/OrleansGame.Client.xml", entries);
        }

        using var nuspec = new StreamReader(zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
        Assert.Contains("id=\"OrleansGame.Contracts\"", text, StringComparison.Ordinal);
    }

    private static async Task<string> DotnetAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(StepTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        return text;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansGame.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests do not run inside the repository");
    }

    private static string NuGetCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
