using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>A registered player, its grain, and the connection that stands in for a gateway connection.</summary>
public sealed record TestPlayer(string Id, string Name, IPlayerGrain Grain, TestObserver Connection, IPlayerObserver Reference);
