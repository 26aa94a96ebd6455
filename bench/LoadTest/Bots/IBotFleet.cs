using OrleansGame.LoadTest.Metrics;

namespace OrleansGame.LoadTest.Bots;

/// <summary>The bots of one generator process, whichever client they use: added in batches, measured in windows, cleared.</summary>
internal interface IBotFleet : IAsyncDisposable
{
    /// <summary>The fleet's observations.</summary>
    FleetMetrics Metrics { get; }

    /// <summary>Bots whose connection is up.</summary>
    int Connected { get; }

    /// <summary>Starts <paramref name="count"/> more bots (session, connection, quick join, inputs); returns how many started.</summary>
    Task<int> AddAsync(int count, CancellationToken cancellationToken);

    /// <summary>Opens the steady window.</summary>
    void Begin();

    /// <summary>Closes the steady window and reports it.</summary>
    WorkerWindow End();

    /// <summary>Stops every bot (each closes its connection), so that the next level starts from none.</summary>
    Task ClearAsync();
}
