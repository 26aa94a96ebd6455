using System.Collections.Frozen;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Grains.Modes;

/// <summary>
/// The modes this silo runs, by name, in the order they were registered; the first one is the default that a join
/// without a mode gets. Built once from the registrations, which it checks: a bad or repeated name stops the silo.
/// </summary>
internal sealed class GameModeRegistry
{
    private readonly FrozenDictionary<string, IHostedMode> modes;

    /// <summary>Resolves every registered mode.</summary>
    public GameModeRegistry(IEnumerable<ModeRegistration> registrations, IServiceProvider services)
    {
        var ordered = new List<(string Name, IHostedMode Mode)>();
        foreach (var registration in registrations)
        {
            if (!ModeNames.IsValid(registration.Name))
            {
                throw new InvalidOperationException($"'{registration.Name}' is not a mode name: use 1 to {ModeNames.MaxLength} letters, digits, '_' or '-'.");
            }

            if (ordered.Exists(m => m.Name == registration.Name))
            {
                throw new InvalidOperationException($"The game mode '{registration.Name}' is registered twice.");
            }

            ordered.Add((registration.Name, registration.Resolve(services)));
        }

        if (ordered.Count == 0)
        {
            throw new InvalidOperationException("No game mode is registered: call AddGameMode<TMode>(name) on the silo builder.");
        }

        modes = ordered.ToFrozenDictionary(static m => m.Name, static m => m.Mode, StringComparer.Ordinal);
        DefaultMode = ordered[0].Name;
        Infos = [.. ordered.Select(m => Info(m.Name, m.Mode))];
    }

    /// <summary>The mode a join without one gets: the first registered.</summary>
    public string DefaultMode { get; }

    /// <summary>Every mode, as <c>GET /api/modes</c> lists them, in registration order.</summary>
    public IReadOnlyList<ModeInfo> Infos { get; }

    /// <summary>The mode registered as <paramref name="name"/>, or false.</summary>
    public bool TryGet(string name, out IHostedMode mode) => modes.TryGetValue(name, out mode!);

    private ModeInfo Info(string name, IHostedMode mode) =>
        new(name, mode.Settings.Capacity, mode.Settings.TickRate, mode.Settings.JoinInProgress, IsDefault: name == DefaultMode);
}
