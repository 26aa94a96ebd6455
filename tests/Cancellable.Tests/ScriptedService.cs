using System.Collections.Concurrent;

namespace OrleansGame.Cancellable.Tests;

/// Returns the scripted results in order (then Break) and records every call it receives.
internal sealed class ScriptedService(params CancellationResult<int>[] script) : ICancellable<int, string>
{
    private int _runCount;
    private int _createHandleCount;

    public const string HandleValue = "the-handle";

    public ConcurrentQueue<string> Calls { get; } = new();

    public int RunCount => Volatile.Read(ref _runCount);

    public int CreateHandleCount => Volatile.Read(ref _createHandleCount);

    public async ValueTask<CancellationResult<int>> RunAsync(CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _runCount) - 1;
        Calls.Enqueue("run");
        await Task.Yield();
        return index < script.Length ? script[index] : CancellationResult<int>.Break;
    }

    public string CreateHandle()
    {
        Interlocked.Increment(ref _createHandleCount);
        Calls.Enqueue("create-handle");
        return HandleValue;
    }
}
