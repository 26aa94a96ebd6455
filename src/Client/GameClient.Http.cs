using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Client;

public sealed partial class GameClient
{
    /// <summary>Creates a player and a session (<c>POST /api/sessions</c>); the client uses it from then on.</summary>
    /// <param name="name">1 to 20 letters, digits, spaces, <c>-</c> or <c>_</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The session; a refusal throws <see cref="GameException"/> (<c>invalid_name</c>, <c>rate_limited</c>).</returns>
    public async Task<SessionResponse> CreateSessionAsync(string name, CancellationToken cancellationToken = default)
    {
        var session = await RequestAsync<SessionResponse>(HttpMethod.Post, "api/sessions", JsonSerializer.Serialize(new { name }, Payloads.Options), null, cancellationToken).ConfigureAwait(false);
        UseSession(session);
        return session;
    }

    /// <summary>
    /// Renews the session (<c>POST /api/sessions</c> with its refresh token): the same player, fresh tokens, used for
    /// later reconnects. <c>unauthorized</c> means start a new session.
    /// </summary>
    public async Task<SessionResponse> RefreshSessionAsync(CancellationToken cancellationToken = default)
    {
        var current = Session ?? throw new InvalidOperationException("no session to refresh");
        var session = await RequestAsync<SessionResponse>(HttpMethod.Post, "api/sessions", null, current.RefreshToken, cancellationToken).ConfigureAwait(false);
        UseSession(session);
        return session;
    }

    /// <summary>The modes the server runs (<c>GET /api/modes</c>), the default one flagged.</summary>
    public Task<IReadOnlyList<ModeInfo>> ListModesAsync(CancellationToken cancellationToken = default) =>
        RequestAsync<IReadOnlyList<ModeInfo>>(HttpMethod.Get, "api/modes", null, null, cancellationToken);

    /// <summary>The public rooms (<c>GET /api/rooms</c>), or one mode's (<c>unknown_mode</c> for a mode the server does not run).</summary>
    public Task<IReadOnlyList<RoomInfo>> ListRoomsAsync(string? mode = null, CancellationToken cancellationToken = default) =>
        RequestAsync<IReadOnlyList<RoomInfo>>(HttpMethod.Get, mode is null ? "api/rooms" : "api/rooms?mode=" + Uri.EscapeDataString(mode), null, null, cancellationToken);

    /// <summary>The best players, best first (<c>GET /api/leaderboard?top=N</c>, 1 to 100).</summary>
    public Task<IReadOnlyList<LeaderboardEntry>> GetLeaderboardAsync(int top = 10, CancellationToken cancellationToken = default) =>
        RequestAsync<IReadOnlyList<LeaderboardEntry>>(HttpMethod.Get, "api/leaderboard?top=" + top.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, cancellationToken);

    /// <summary>A player's profile and stats (<c>GET /api/players/{playerId}</c>; <c>not_found</c>).</summary>
    public Task<PlayerProfile> GetPlayerAsync(string playerId, CancellationToken cancellationToken = default) =>
        RequestAsync<PlayerProfile>(HttpMethod.Get, "api/players/" + Uri.EscapeDataString(playerId ?? throw new ArgumentNullException(nameof(playerId))), null, null, cancellationToken);

    private async Task<T> RequestAsync<T>(HttpMethod method, string path, string? body, string? bearer, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var linked = Link(cancellationToken);
        using var request = new HttpRequestMessage(method, new Uri(_baseAddress, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new GameException(GameException.Network, "cannot reach the server: " + exception.Message, innerException: exception);
        }

        using (response)
        {
#if NETSTANDARD2_1
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
#else
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
#endif
            if (!response.IsSuccessStatusCode)
            {
                throw Problem(response.StatusCode, text);
            }

            return JsonSerializer.Deserialize<T>(text, Payloads.Options)
                ?? throw new GameException(GameException.Network, "the server answered with no body", (int)response.StatusCode);
        }
    }

    // An application/problem+json answer carries the contract's code next to the detail.
    private static GameException Problem(HttpStatusCode status, string text)
    {
        string? code = null;
        string? detail = null;
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
                detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString()
                    : problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not a problem document: the status decides.
        }

        code ??= status switch
        {
            HttpStatusCode.Unauthorized => GameException.Unauthorized,
            (HttpStatusCode)429 => "rate_limited",
            _ => GameException.Network,
        };
        return new GameException(code, detail ?? (string.IsNullOrEmpty(text) ? "HTTP " + (int)status : text), (int)status);
    }
}
