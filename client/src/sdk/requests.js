/**
 * The arguments of `JoinRoom` and `CreateRoom` as they go on the wire, from every call form the SDK accepts.
 * A call without a mode or properties sends exactly what it sent before modes existed.
 * @module requests
 */

/**
 * Where and how to join.
 * @typedef {object} JoinOptions
 * @property {string | null} [roomId] a 6-character room code, or null (the default) for quick join
 * @property {string} [mode] the mode to quick-join in; the server's default mode (`arena`) when absent
 * @property {Record<string, string>} [properties] quick join matches only rooms created with these properties
 */

/**
 * What to create.
 * @typedef {object} CreateOptions
 * @property {boolean} [isPrivate] private rooms are joined by code only (default true)
 * @property {string} [mode] the room's mode; the server's default mode (`arena`) when absent
 * @property {Record<string, string>} [properties] the room's properties, which quick join matches on
 */

/**
 * The `JoinRoom` argument.
 * @param {string | null | JoinOptions} [roomIdOrOptions] a room code, null for quick join, or {@link JoinOptions}
 * @returns {{ roomId: string | null, mode?: string, properties?: Record<string, string> }}
 * @throws {TypeError} for a mode that is not a string or properties that are not string pairs
 */
export function joinRoomRequest(roomIdOrOptions = null) {
  if (!isOptions(roomIdOrOptions)) return { roomId: roomIdOrOptions ?? null };
  return { roomId: roomIdOrOptions.roomId ?? null, ...modeAndProperties(roomIdOrOptions) };
}

/**
 * The `CreateRoom` argument.
 * @param {boolean | CreateOptions} [isPrivateOrOptions] whether the room is private (default true), or {@link CreateOptions}
 * @returns {{ isPrivate: boolean, mode?: string, properties?: Record<string, string> }}
 * @throws {TypeError} for a mode that is not a string or properties that are not string pairs
 */
export function createRoomRequest(isPrivateOrOptions = true) {
  if (!isOptions(isPrivateOrOptions)) return { isPrivate: Boolean(isPrivateOrOptions) };
  return { isPrivate: Boolean(isPrivateOrOptions.isPrivate ?? true), ...modeAndProperties(isPrivateOrOptions) };
}

// null stays the legacy "quick join" / "public" argument; only a real object is the options form.
function isOptions(value) {
  return typeof value === 'object' && value !== null;
}

function modeAndProperties({ mode, properties }) {
  const shaped = {};
  if (mode !== undefined && mode !== null) {
    if (typeof mode !== 'string') throw new TypeError(`mode must be a string, not ${typeof mode}`);
    shaped.mode = mode;
  }
  if (properties !== undefined && properties !== null) {
    if (typeof properties !== 'object' || Array.isArray(properties)) throw new TypeError('properties must be an object of string values');
    const entries = Object.entries(properties);
    for (const [name, value] of entries) {
      if (typeof value !== 'string') throw new TypeError(`property '${name}' must be a string, not ${typeof value}`);
    }
    // An empty set matches like none, so it is left out and the argument stays the one older servers know.
    if (entries.length > 0) shaped.properties = Object.fromEntries(entries);
  }
  return shaped;
}
