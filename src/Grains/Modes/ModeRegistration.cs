using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Grains.Modes;

/// <summary>A mode registered on the silo: its name and how to get the instance that serves all its rooms.</summary>
/// <param name="Name">The mode's name, as clients ask for it.</param>
/// <param name="Resolve">Gets the mode from the silo's services.</param>
internal sealed record ModeRegistration(string Name, Func<IServiceProvider, IHostedMode> Resolve);
