using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace OrleansGame.Gateway.Security;

/// <summary>
/// The hub connections each client address holds, and the addresses backing off after a flood close. The hub takes a
/// slot when a connection opens and gives it back when it closes, so a connection counts once however many HTTP
/// requests its transport makes (long polling makes one per poll). IPv6 clients count per /64 prefix: one host may
/// hold a whole /64 and rotate through it.
/// </summary>
internal sealed class AddressSlots(IOptions<LimitsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();
    private readonly ConcurrentDictionary<IPAddress, long> _backingOff = new();

    /// <summary>The address a limit counts against: IPv4 as it is (also when mapped into IPv6), IPv6 by its /64 prefix.</summary>
    public static IPAddress KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return IPAddress.None;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes);
    }

    /// <summary>Why a new connection from <paramref name="address"/> would be refused now, or null.</summary>
    public SlotRefusal? Check(IPAddress? address)
    {
        var key = KeyOf(address);
        if (BackOffLeft(key) is { } left)
        {
            return new SlotRefusal(SlotRefusalKind.BackingOff, left);
        }

        return _open.GetValueOrDefault(key) >= options.Value.MaxConnectionsPerAddress ? new SlotRefusal(SlotRefusalKind.Full, null) : null;
    }

    /// <summary>Takes a slot for a connection from <paramref name="address"/>; null when the address is at its cap or backing off.</summary>
    public AddressSlot? TryAcquire(IPAddress? address)
    {
        var key = KeyOf(address);
        if (BackOffLeft(key) is not null)
        {
            return null;
        }

        if (_open.AddOrUpdate(key, 1, static (_, count) => count + 1) > options.Value.MaxConnectionsPerAddress)
        {
            Release(key);
            return null;
        }

        return new AddressSlot(this, key);
    }

    /// <summary>Refuses new connections from <paramref name="key"/> for <see cref="LimitsOptions.FloodBackOff"/>.</summary>
    internal void BackOff(IPAddress key) =>
        _backingOff[key] = time.GetTimestamp() + (long)(options.Value.FloodBackOff.TotalSeconds * time.TimestampFrequency);

    internal void Release(IPAddress key)
    {
        while (true)
        {
            var count = _open.GetValueOrDefault(key);
            if (count <= 1 ? _open.TryRemove(new KeyValuePair<IPAddress, int>(key, count)) : _open.TryUpdate(key, count - 1, count))
            {
                return;
            }
        }
    }

    private TimeSpan? BackOffLeft(IPAddress key)
    {
        if (!_backingOff.TryGetValue(key, out var until))
        {
            return null;
        }

        var now = time.GetTimestamp();
        if (now < until)
        {
            return TimeSpan.FromSeconds((double)(until - now) / time.TimestampFrequency);
        }

        _backingOff.TryRemove(new KeyValuePair<IPAddress, long>(key, until));
        return null;
    }
}
