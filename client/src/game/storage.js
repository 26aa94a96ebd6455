/**
 * The player's saved name and session (localStorage; tolerant of a browser that refuses storage).
 * @module storage
 */

const KEY = 'orleansgame.session';

/**
 * The saved session, if any.
 * @returns {{ name: string, playerId?: string, token?: string, expiresAt?: string } | null}
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
 * Saves the session (name, player id, token, expiry).
 * @param {{ name: string, playerId?: string, token?: string, expiresAt?: string }} session
 */
export function saveSession(session) {
  try {
    localStorage.setItem(KEY, JSON.stringify({
      name: session.name,
      playerId: session.playerId,
      token: session.token,
      expiresAt: session.expiresAt,
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
