using System.Net;

namespace OrleansGame.Gateway.Security;

/// <summary>One connection's slot of its address; disposing gives it back (once).</summary>
internal sealed class AddressSlot(AddressSlots slots, IPAddress key) : IDisposable
{
    private int _released;

    /// <summary>Makes the address wait before it connects again: its connection was closed for flooding.</summary>
    public void BackOff() => slots.BackOff(key);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            slots.Release(key);
        }
    }
}
