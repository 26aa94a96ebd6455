namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>Polls, with a bound, for state that grains reach through one-way calls.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"the condition was not reached; last value: {value}");
            }

            await Task.Delay(50);
        }
    }
}
