namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>Waiting for an HTTP endpoint of a process that is starting.</summary>
public static class Http
{
    /// <summary>Reads <paramref name="url"/> until it answers 200; fails with the process output when the bound passes or it exits.</summary>
    public static async Task WaitForOkAsync(HttpClient http, string url, ChildProcess process, TimeSpan timeout)
    {
        try
        {
            await Polling.UntilAsync(
                async () =>
                {
                    using var response = await http.GetAsync(url).WaitAsync(TimeSpan.FromSeconds(2));
                    return response.IsSuccessStatusCode;
                },
                static ok => ok,
                url,
                timeout,
                static e => e is HttpRequestException or TimeoutException or TaskCanceledException,
                () => process.HasExited);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{process.Name} did not answer {url} within {timeout.TotalSeconds} s (exited: {process.HasExited}); output:\n{process.Output}");
        }
    }
}
