/**
 * A small event emitter that works the same in browsers and Node (an `error` event is an ordinary event here).
 * @module emitter
 */

/** Registers listeners by event name and calls them in order; a throwing listener does not stop the others. */
export class Emitter {
  #listeners = new Map();

  /**
   * Adds a listener.
   * @param {string} event
   * @param {(payload: any) => void} listener
   * @returns {() => void} a function that removes the listener
   */
  on(event, listener) {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => this.off(event, listener);
  }

  /**
   * Removes a listener.
   * @param {string} event
   * @param {(payload: any) => void} listener
   */
  off(event, listener) {
    this.#listeners.get(event)?.delete(listener);
  }

  /**
   * Resolves with the next payload of `event`, or rejects after `timeoutMs` (every wait is bounded).
   * @param {string} event
   * @param {{ timeoutMs?: number, filter?: (payload: any) => boolean }} [options]
   * @returns {Promise<any>}
   */
  next(event, { timeoutMs = 10_000, filter = () => true } = {}) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for '${event}'`));
      }, timeoutMs);
      const off = this.on(event, (payload) => {
        if (!filter(payload)) return;
        clearTimeout(timer);
        off();
        resolve(payload);
      });
    });
  }

  /**
   * Calls every listener of `event` with `payload`.
   * @param {string} event
   * @param {any} payload
   */
  emit(event, payload) {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(payload);
      } catch (error) {
        // A faulty listener must not break the connection's dispatch loop, nor the other listeners.
        console.error(`listener of '${event}' failed`, error);
      }
    }
  }
}
