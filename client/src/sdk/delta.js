/**
 * The compact state encoding (docs/protocol.md, "Compact state"): a `Keyframe(method, state, steps, names)` carries a
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
 * - pairs `[key, delta, key, delta, ...]` over an object: each key names a member, by its number in the keyframe's
 *   `names` or by its name; its delta changes it, `[]` removes it;
 * - pairs over an array: `"n"` and the new length when it changed, then element indices and their deltas;
 * - `{}`: nothing changed.
 * @param {any} previous the value the connection had
 * @param {any} delta the delta at the same place
 * @param {Record<string, number>} [steps] steps a unit by member name, from the keyframe
 * @param {string[]} [names] the member names pairs refer to by number, from the keyframe
 * @param {string | null} [name] the member name the value sits under (array elements inherit their array's)
 * @returns {any}
 */
export function applyDelta(previous, delta, steps = {}, names = [], name = null) {
  if (Array.isArray(delta)) {
    if (delta.length === 1) return delta[0];
    if (delta.length < 2 || delta.length % 2 !== 0) throw new TypeError(`not a delta: ${JSON.stringify(delta)}`);
    return Array.isArray(previous) ? applyToArray(previous, delta, steps, names, name) : applyToObject(previous, delta, steps, names, name);
  }
  if (typeof delta === 'number') {
    if (typeof previous !== 'number') throw new TypeError(`a numeric delta for ${name ?? 'the state'} over a ${typeof previous}`);
    const perUnit = name === null ? undefined : steps[name];
    return perUnit ? (Math.round(previous * perUnit) + delta) / perUnit : previous + delta;
  }
  if (delta !== null && typeof delta === 'object' && !Array.isArray(delta) && Object.keys(delta).length === 0) return previous;
  throw new TypeError(`not a delta: ${JSON.stringify(delta)}`);
}

function applyToArray(previous, pairs, steps, names, name) {
  const next = previous.slice();
  for (let p = 0; p < pairs.length; p += 2) {
    const key = pairs[p];
    if (key === 'n') next.length = pairs[p + 1];
    else if (Number.isInteger(key)) next[key] = applyDelta(previous[key], pairs[p + 1], steps, names, name);
    else throw new TypeError(`not an element index: ${JSON.stringify(key)}`);
  }
  return next;
}

function applyToObject(previous, pairs, steps, names, name) {
  if (previous === null || typeof previous !== 'object') throw new TypeError(`member changes for ${name ?? 'the state'} over ${JSON.stringify(previous)}`);
  const next = { ...previous };
  for (let p = 0; p < pairs.length; p += 2) {
    const key = typeof pairs[p] === 'string' ? pairs[p] : names[pairs[p]];
    if (typeof key !== 'string') throw new TypeError(`no member name numbered ${JSON.stringify(pairs[p])}`);
    const change = pairs[p + 1];
    if (Array.isArray(change) && change.length === 0) delete next[key];
    else next[key] = applyDelta(previous[key], change, steps, names, key);
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
  #names = [];

  /**
   * A keyframe: the whole state, which later deltas apply to; its quantised members are rounded to their steps.
   * @param {string} method the hub method the state stands for (`Snapshot` in the arena, `State` in most modes)
   * @param {any} state
   * @param {Record<string, number> | null} steps steps a unit of the quantised members
   * @param {string[] | null} [names] the member names the deltas refer to by number
   * @returns {{ method: string, state: any }} a copy the caller may keep or change
   */
  keyframe(method, state, steps, names) {
    this.#method = method;
    this.#steps = steps ?? {};
    this.#names = names ?? [];
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
    this.#state = applyDelta(this.#state, delta, this.#steps, this.#names);
    return { method: this.#method, state: structuredClone(this.#state) };
  }

  /** Forgets the stream (the connection ended: the next one starts with a keyframe). */
  reset() {
    this.#method = null;
    this.#state = undefined;
    this.#steps = {};
    this.#names = [];
  }
}
