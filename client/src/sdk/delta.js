/**
 * The compact state encoding (docs/protocol.md, "Compact state"): a `Keyframe(method, state, steps)` carries a
 * room's whole state, then each `Delta(delta)` what changed since the connection's previous state. This module
 * rebuilds the full state, the same object a `Snapshot` or `State` would have carried.
 * @module delta
 */

/** The `stateEncoding` values a connection may ask for at connect. */
export const StateEncodings = Object.freeze({
  /** The mode's state method with the whole state every time (the default). */
  full: 'full',
  /** `Keyframe`, then `Delta`s. */
  delta: 'delta',
});

/**
 * Applies one delta to a value and returns the new value; `previous` is left unchanged (the parts the delta does not
 * touch are shared with it).
 * - `[v]`: the value becomes `v`;
 * - a number: added to a number (for a member with a step, in steps: `steps[name]` a unit);
 * - an object over an object: its members are deltas of the members of the same name, `[]` removing one;
 * - an object over an array: `n` the new length when it changed, then deltas of elements by index.
 * @param {any} previous the value the connection had
 * @param {any} delta the delta at the same place
 * @param {Record<string, number>} [steps] steps a unit by member name, from the keyframe
 * @param {string | null} [name] the member name the value sits under (array elements inherit their array's)
 * @returns {any}
 */
export function applyDelta(previous, delta, steps = {}, name = null) {
  if (Array.isArray(delta)) {
    if (delta.length !== 1) throw new TypeError('a replacement delta holds exactly one value');
    return delta[0];
  }
  if (typeof delta === 'number') {
    if (typeof previous !== 'number') throw new TypeError(`a numeric delta for ${name ?? 'the state'} over a ${typeof previous}`);
    const perUnit = name === null ? undefined : steps[name];
    return perUnit ? (Math.round(previous * perUnit) + delta) / perUnit : previous + delta;
  }
  if (delta === null || typeof delta !== 'object') throw new TypeError(`not a delta: ${JSON.stringify(delta)}`);
  if (Array.isArray(previous)) {
    const next = previous.slice();
    if (typeof delta.n === 'number') next.length = delta.n;
    for (const [key, change] of Object.entries(delta)) {
      if (key === 'n') continue;
      const index = Number(key);
      next[index] = applyDelta(previous[index], change, steps, name);
    }
    return next;
  }
  if (previous === null || typeof previous !== 'object') throw new TypeError(`an object delta for ${name ?? 'the state'} over ${JSON.stringify(previous)}`);
  const next = { ...previous };
  for (const [key, change] of Object.entries(delta)) {
    if (Array.isArray(change) && change.length === 0) delete next[key];
    else next[key] = applyDelta(previous[key], change, steps, key);
  }
  return next;
}

/**
 * A keyframe's state with its quantised members rounded to their steps, as the deltas after it assume.
 * @param {any} value
 * @param {Record<string, number>} steps
 * @param {string | null} [name]
 * @returns {any}
 */
export function quantise(value, steps, name = null) {
  if (Array.isArray(value)) return value.map((element) => quantise(element, steps, name));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, quantise(member, steps, key)]));
  }
  const perUnit = name === null ? undefined : steps[name];
  return typeof value === 'number' && perUnit ? Math.round(value * perUnit) / perUnit : value;
}

/** One connection's view of the compact stream: the last state it received and how to read the next delta. */
export class StateDecoder {
  #method = null;
  #state = undefined;
  #steps = {};

  /**
   * A keyframe: the whole state, which later deltas apply to; its quantised members are rounded to their steps.
   * @param {string} method the hub method the state stands for (`Snapshot` in the arena, `State` in most modes)
   * @param {any} state
   * @param {Record<string, number> | null} steps steps a unit of the quantised members
   * @returns {{ method: string, state: any }} a copy the caller may keep or change
   */
  keyframe(method, state, steps) {
    this.#method = method;
    this.#steps = steps ?? {};
    this.#state = Object.keys(this.#steps).length > 0 ? quantise(state, this.#steps) : state;
    return { method, state: structuredClone(this.#state) };
  }

  /**
   * A delta over the last state.
   * @param {any} delta
   * @returns {{ method: string, state: any }} the rebuilt state, a copy the caller may keep or change
   */
  delta(delta) {
    if (this.#method === null) throw new Error('a Delta arrived before any Keyframe');
    this.#state = applyDelta(this.#state, delta, this.#steps);
    return { method: this.#method, state: structuredClone(this.#state) };
  }

  /** Forgets the stream (the connection ended: the next one starts with a keyframe). */
  reset() {
    this.#method = null;
    this.#state = undefined;
    this.#steps = {};
  }
}
