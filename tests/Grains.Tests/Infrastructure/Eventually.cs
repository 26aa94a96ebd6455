namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>Waits, with a bound, for a condition that a grain reaches through one-way calls.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
