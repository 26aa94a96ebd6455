/**
 * The HTTP part of the contract: sessions, rooms, modes, leaderboard, player profiles.
 * @module http
 */
import { ErrorCodes } from './protocol.js';
import { GameError } from './errors.js';

/**
 * Resolves the server's base address: the given one, else the page's origin in a browser.
 * @param {string} [baseUrl]
 * @returns {string} the base address without a trailing slash
 */
export function resolveBaseUrl(baseUrl) {
  const base = baseUrl ?? globalThis.location?.origin;
  if (!base) throw new TypeError('baseUrl is required outside a browser');
  return String(base).replace(/\/+$/, '');
}

async function request(method, baseUrl, path, { body, token } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(resolveBaseUrl(baseUrl) + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new GameError(ErrorCodes.network, `cannot reach the server: ${error.message}`, { cause: error });
  }
  const text = await response.text();
  let payload = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) throw httpError(response.status, payload, text);
  return payload;
}

function httpError(status, problem, text) {
  const message = problem?.detail ?? problem?.title ?? problem?.message ?? (text || `HTTP ${status}`);
  const code = problem?.code
    ?? (status === 401 ? ErrorCodes.unauthorized : status === 429 ? ErrorCodes.rateLimited : ErrorCodes.network);
  return new GameError(code, message, { status });
}

/**
 * A session: the player's identity, the (short-lived) token to connect with, and the refresh token that renews it.
 * The refresh token is accepted only by {@link refreshSession}; keep it out of URLs.
 * @typedef {{ playerId: string, name: string, token: string, expiresAt: string, refreshToken?: string, refreshExpiresAt?: string }} Session
 */

/**
 * Creates a player and a session (`POST /api/sessions`).
 * @param {string} name 1 to 20 letters, digits, spaces, `-` or `_`
 * @param {string} [baseUrl] the server, e.g. `http://127.0.0.1:5000`; the page's origin in a browser
 * @returns {Promise<Session>} rejects with a {@link GameError} (`invalid_name`, `rate_limited`, ...)
 */
export function createSession(name, baseUrl) {
  return request('POST', baseUrl, '/api/sessions', { body: { name } });
}

/**
 * Renews a session: same player, fresh tokens (`POST /api/sessions` with the bearer token).
 * @param {string} token the session's refresh token (good for 30 days), or its access token while that is valid
 * @param {string} [baseUrl]
 * @returns {Promise<Session>} rejects with a {@link GameError} with code `unauthorized` for a bad or expired token
 */
export function refreshSession(token, baseUrl) {
  return request('POST', baseUrl, '/api/sessions', { token });
}

/**
 * Lists the public rooms (`GET /api/rooms`, or `GET /api/rooms?mode=NAME` for one mode's).
 * @param {string} [baseUrl]
 * @param {{ mode?: string }} [options] only the rooms of this mode; without it, every mode's quick-join rooms
 * @returns {Promise<Array<{ roomId: string, players: number, capacity: number, phase: string, isPrivate: boolean, mode?: string, joinable?: boolean }>>}
 *   (`mode` and `joinable` come from servers that run modes); rejects with `unknown_mode` for a mode the server does not run
 */
export function listRooms(baseUrl, { mode } = {}) {
  const query = mode === undefined || mode === null ? '' : `?mode=${encodeURIComponent(mode)}`;
  return request('GET', baseUrl, `/api/rooms${query}`);
}

/**
 * The modes the server runs (`GET /api/modes`), the default one flagged.
 * @param {string} [baseUrl]
 * @returns {Promise<Array<{ name: string, capacity: number, tickRate: number, joinInProgress: boolean, isDefault: boolean }>>}
 */
export function listModes(baseUrl) {
  return request('GET', baseUrl, '/api/modes');
}

/**
 * The best players, best first (`GET /api/leaderboard?top=N`).
 * @param {number} [top] 1 to 100
 * @param {string} [baseUrl]
 * @returns {Promise<Array<{ playerId: string, name: string, bestScore: number, wins: number, gamesPlayed: number }>>}
 */
export function getLeaderboard(top = 10, baseUrl) {
  return request('GET', baseUrl, `/api/leaderboard?top=${encodeURIComponent(top)}`);
}

/**
 * A player's profile and stats (`GET /api/players/{playerId}`).
 * @param {string} playerId
 * @param {string} [baseUrl]
 * @returns {Promise<{ playerId: string, name: string, gamesPlayed: number, wins: number, bestScore: number, totalOrbs: number, createdAt: string }>}
 */
export function getPlayer(playerId, baseUrl) {
  return request('GET', baseUrl, `/api/players/${encodeURIComponent(playerId)}`);
}
