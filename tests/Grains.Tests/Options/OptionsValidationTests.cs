using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansGame.Arena;
using OrleansGame.Grains.Options;
using OrleansGame.Modes;

namespace OrleansGame.Grains.Tests.Options;

/// <summary>
/// The settings a silo binds at start: <see cref="PingOptions"/> by the room host (<c>AddGameGrains</c>),
/// <see cref="ArenaOptions"/> by the shipped modes (<c>AddShippedModes</c>).
/// </summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void AddGameGrainsAndShippedModes_DefaultConfiguration_BindsTheDocumentedDefaults()
    {
        using var services = Build([]);

        var arena = services.GetRequiredService<IOptions<ArenaOptions>>().Value;
        var ping = services.GetRequiredService<IOptions<PingOptions>>().Value;

        Assert.Equal((1000.0, 1000.0, 20.0, 200.0, 24, 8.0, 8), (arena.WorldWidth, arena.WorldHeight, arena.PlayerRadius, arena.PlayerSpeed, arena.OrbCount, arena.OrbRadius, arena.Capacity));
        Assert.Equal(
            [50, 60_000, 5_000, 30_000, 20_000, 5_000],
            new[] { arena.TickInterval, arena.RoundDuration, arena.ResultsDuration, arena.EmptyRoomDisposeAfter, arena.ReconnectWindow, arena.CheckpointInterval }.Select(t => t.TotalMilliseconds));
        Assert.Equal((2.0, 10.0), (ping.Interval.TotalSeconds, ping.Timeout.TotalSeconds));
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("Arena:Capacity", "0")]
    [InlineData("Arena:TickInterval", "00:00:00")]
    [InlineData("Arena:PlayerRadius", "600")]
    [InlineData("Arena:WorldWidth", "-5")]
    [InlineData("Ping:Interval", "00:00:00")]
    public void AddGameGrainsAndShippedModes_InvalidSetting_FailsValidation(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<ArenaOptions>>().Value;
            _ = services.GetRequiredService<IOptions<PingOptions>>().Value;
        });
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        new FakeSiloBuilder(services, configuration).AddGameGrains().AddShippedModes();
        return services.BuildServiceProvider();
    }

    private sealed class FakeSiloBuilder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;
    }
}
