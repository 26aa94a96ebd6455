using System.Diagnostics;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>Waiting for an HTTP endpoint of a process that is starting.</summary>
public static class Http
{
    /// <summary>Polls <paramref name="url"/> until it answers 200; fails with the process output when the bound passes or it exits.</summary>
    public static async Task WaitForOkAsync(HttpClient http, string url, ChildProcess process, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(url).WaitAsync(TimeSpan.FromSeconds(2));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (process.HasExited || clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{process.Name} did not answer {url} within {timeout.TotalSeconds} s (exited: {process.HasExited}); output:\n{process.Output}");
            }

            await Task.Delay(200);
        }
    }
}
