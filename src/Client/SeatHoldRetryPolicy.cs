using Microsoft.AspNetCore.SignalR.Client;

namespace OrleansGame.Client;

/// <summary>Reconnects at once, after 0.5, 1 and 2 s, then every 3 s, for the window; never after a final <c>Closing</c> or disposal.</summary>
internal sealed class SeatHoldRetryPolicy(Func<bool> givenUp, TimeSpan window) : IRetryPolicy
{
    private static readonly TimeSpan[] Steps = [TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        if (givenUp() || retryContext.ElapsedTime > window)
        {
            return null;
        }

        return retryContext.PreviousRetryCount < Steps.Length ? Steps[retryContext.PreviousRetryCount] : TimeSpan.FromSeconds(3);
    }
}
