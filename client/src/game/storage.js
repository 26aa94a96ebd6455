/**
 * The player's saved name and session (localStorage; tolerant of a browser that refuses storage).
 * @module storage
 */

const KEY = 'orleansgame.session';

/**
 * The saved session, if any.
 * @returns {{ name: string, playerId?: string, token?: string, expiresAt?: string, refreshToken?: string, refreshExpiresAt?: string } | null}
 */
export function loadSession() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return saved && typeof saved.name === 'string' ? saved : null;
  } catch {
    return null;
  }
}

/**
 * Saves the session (name, player id, tokens, expiries).
 * @param {{ name: string, playerId?: string, token?: string, expiresAt?: string, refreshToken?: string, refreshExpiresAt?: string }} session
 */
export function saveSession(session) {
  try {
    localStorage.setItem(KEY, JSON.stringify({
      name: session.name,
      playerId: session.playerId,
      token: session.token,
      expiresAt: session.expiresAt,
      refreshToken: session.refreshToken,
      refreshExpiresAt: session.refreshExpiresAt,
    }));
  } catch {
    // Private browsing may refuse storage; the game still works for this visit.
  }
}

/**
 * Whether a saved token is still good for at least a minute.
 * @param {{ token?: string, expiresAt?: string } | null} session
 * @param {number} [now]
 * @returns {boolean}
 */
export function tokenUsable(session, now = Date.now()) {
  if (!session?.token || !session.expiresAt) return false;
  const expires = Date.parse(session.expiresAt);
  return Number.isFinite(expires) && expires - now > 60_000;
}

/**
 * The token to renew a saved session with: its refresh token while that has a minute left (servers that issue
 * one), else its access token while usable, else null.
 * @param {{ token?: string, expiresAt?: string, refreshToken?: string, refreshExpiresAt?: string } | null} session
 * @param {number} [now]
 * @returns {string | null}
 */
export function renewalToken(session, now = Date.now()) {
  if (session?.refreshToken && tokenUsable({ token: session.refreshToken, expiresAt: session.refreshExpiresAt }, now)) {
    return session.refreshToken;
  }
  return tokenUsable(session, now) ? session.token : null;
}

/**
 * How long to wait before renewing an access token that expires at `expiresAt`: at four fifths of what is left, and
 * at least a minute before it expires (never less than 5 s, so a clock far off cannot spin).
 * @param {string} expiresAt ISO-8601
 * @param {number} [now]
 * @returns {number} milliseconds
 */
export function renewalDelay(expiresAt, now = Date.now()) {
  const left = Date.parse(expiresAt) - now;
  if (!Number.isFinite(left)) return 5_000;
  return Math.max(5_000, Math.min(left * 0.8, left - 60_000));
}
