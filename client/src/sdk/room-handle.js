/**
 * A handle on the room a player is seated in, of any mode: what `joinOrCreate`, `create` and `join` resolve to.
 * Its listeners live as long as the seat: they survive a reconnect that resumes it and end with `leave()`, a failed
 * room, or a join elsewhere.
 * @module room-handle
 */
import { DEFAULT_MODE, ErrorCodes } from './protocol.js';
import { GameError } from './errors.js';

/** Why a handle stopped being the player's room (the `onLeave` listener's argument). */
export const LeaveCauses = Object.freeze({
  /** `leave()` was called. */
  left: 'left',
  /** The room's mode failed and the server closed the room (`Error{room_failed}`). */
  failed: 'failed',
  /** The player joined another room on the same connection. */
  replaced: 'replaced',
  /** The connection ended for good (stopped, or reconnecting gave up) and the seat with it. */
  disconnected: 'disconnected',
});

/**
 * One seat in one room. `send` and the listeners are those of the room's mode; see the TypeScript declarations for
 * each mode's message map.
 */
export class RoomHandle {
  #connection;
  #joinResult;
  #state;
  #subscriptions = [];
  #leaveListeners = new Set();
  #active = true;

  /**
   * @param {import('./connection.js').GameConnection} connection the connection the seat is held on
   * @param {object} joinResult the `JoinResult` that seated the player
   */
  constructor(connection, joinResult) {
    this.#connection = connection;
    this.#joinResult = joinResult;
    /** @type {string} the room's code, also its id */
    this.id = joinResult.roomId;
    /** @type {string} the room's mode; `arena` from a server older than modes */
    this.mode = typeof joinResult.mode === 'string' && joinResult.mode ? joinResult.mode : DEFAULT_MODE;
    /** @type {string} the local player's id */
    this.playerId = joinResult.playerId;
    this.#state = initialState(joinResult);
    // The handle keeps its own view current: the latest state, and the join result a resumed seat pushes again.
    this.#own('state', (state) => { this.#state = state; });
    this.#own('snapshot', (snapshot) => { if (snapshot?.roomId === this.id) this.#state = snapshot; });
    this.#own('roomState', (roomState) => {
      if (roomState?.roomId !== this.id) return;
      this.#joinResult = roomState;
      this.#state = initialState(roomState) ?? this.#state;
    });
  }

  /** Whether the player still holds this seat as far as the client knows. */
  get active() {
    return this.#active;
  }

  /** The latest `JoinResult`, or the `RoomState` a reconnect that resumed the seat pushed. */
  get joinResult() {
    return this.#joinResult;
  }

  /**
   * The latest state the room sent: the join result's `state` (a mode that adds nothing of its own), then every
   * `State` (the arena: its `Snapshot`); undefined before any.
   */
  get state() {
    return this.#state;
  }

  /**
   * Whether the room plays `mode`; in TypeScript it also narrows the handle to that mode's messages.
   * @param {string} mode
   * @returns {boolean}
   */
  is(mode) {
    return this.mode === mode;
  }

  /**
   * Sends a message of the room's mode (`Send(type, payload)`), one-way. Refusals come later to {@link RoomHandle#onError}.
   * @param {string} type a message type the mode declares
   * @param {object} [payload] a JSON object
   * @returns {Promise<void>} rejects with `not_in_room` once the handle is no longer the player's room
   */
  send(type, payload = {}) {
    if (!this.#active) return Promise.reject(new GameError(ErrorCodes.notInRoom, `the seat in room ${this.id} is gone`));
    return this.#connection.send(type, payload);
  }

  /**
   * Listens to the mode's messages of one type: `Message(type, payload)`, or a hub method of that name (how a mode
   * sends some types as methods of their own, like the arena's `Chat` and every mode's `RoomEvent`).
   * @param {string} type
   * @param {(payload: any) => void} listener called with the payload
   * @returns {() => void} removes the listener
   */
  onMessage(type, listener) {
    if (typeof type !== 'string' || !type) throw new TypeError('type must be a non-empty string');
    const offMessage = this.#connection.onMessage(type, listener);
    const hub = this.#connection.hub;
    const direct = (payload) => listener(payload);
    hub.on(type, direct);
    return this.#track(() => {
      offMessage();
      hub.off(type, direct);
    });
  }

  /**
   * Listens to the room's state after every tick: the mode's `State`, or the arena's `Snapshot`.
   * @param {(state: any) => void} listener
   * @returns {() => void} removes the listener
   */
  onState(listener) {
    const offState = this.#connection.on('state', listener);
    const offSnapshot = this.#connection.on('snapshot', (snapshot) => {
      if (snapshot?.roomId === this.id) listener(snapshot);
    });
    return this.#track(() => {
      offState();
      offSnapshot();
    });
  }

  /**
   * Listens to the errors the server sends on this seat (`Error{code, message}`): refused messages with the host's
   * codes (`rate_limited`, `unknown_message`, ...) or the mode's own.
   * @param {(error: GameError) => void} listener
   * @returns {() => void} removes the listener
   */
  onError(listener) {
    return this.#track(this.#connection.on('error', listener));
  }

  /**
   * Listens to the seat coming back after a dropped connection: the `RoomState` the server pushes, in the
   * `JoinResult` shape.
   * @param {(joinResult: object) => void} listener
   * @returns {() => void} removes the listener
   */
  onRejoin(listener) {
    return this.#track(this.#connection.on('roomState', (roomState) => {
      if (roomState?.roomId === this.id) listener(roomState);
    }));
  }

  /**
   * Listens to the end of the seat, once: `left`, `failed`, `replaced` or `disconnected` ({@link LeaveCauses}).
   * @param {(cause: string) => void} listener
   * @returns {() => void} removes the listener
   */
  onLeave(listener) {
    this.#leaveListeners.add(listener);
    return () => this.#leaveListeners.delete(listener);
  }

  /** Leaves the room (`LeaveRoom`) and removes every listener added through the handle. */
  async leave() {
    if (!this.#active) return;
    await this.#connection.leaveRoom();
    this.end(LeaveCauses.left);
  }

  /**
   * Ends the handle without asking the server: the connection calls it when the seat is gone.
   * @param {string} cause one of {@link LeaveCauses}
   * @internal
   */
  end(cause) {
    if (!this.#active) return;
    this.#active = false;
    for (const unsubscribe of this.#subscriptions.splice(0)) unsubscribe();
    for (const listener of [...this.#leaveListeners]) {
      try {
        listener(cause);
      } catch (error) {
        console.error('onLeave listener failed', error);
      }
    }
    this.#leaveListeners.clear();
  }

  #own(event, listener) {
    this.#subscriptions.push(this.#connection.on(event, listener));
  }

  #track(unsubscribe) {
    if (!this.#active) {
      unsubscribe();
      return () => {};
    }
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      unsubscribe();
      const index = this.#subscriptions.indexOf(once);
      if (index >= 0) this.#subscriptions.splice(index, 1);
    };
    this.#subscriptions.push(once);
    return once;
  }
}

// A mode that adds nothing of its own to the join result adds `state`; the arena's first state is its snapshot.
function initialState(joinResult) {
  if (joinResult.state !== undefined) return joinResult.state;
  return joinResult.snapshot;
}
