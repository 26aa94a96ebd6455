/**
 * The real-time connection to the game hub: helpers for every hub method and event of the contract (the
 * arena's and the generic ones of any mode), automatic Pong, automatic reconnect that resumes the seat.
 * @module connection
 */
import { HubConnectionBuilder, HubConnectionState, HttpTransportType, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { Emitter } from './emitter.js';
import { GameError, parseHubError } from './errors.js';
import { ErrorCodes, FINAL_CLOSING_REASONS, HUB_PATH, HubMethods, STATE_ENCODING_PARAMETER, ServerEvents } from './protocol.js';
import { StateDecoder, StateEncodings } from './delta.js';
import { RoomModel } from './room.js';
import { LeaveCauses, RoomHandle } from './room-handle.js';
import { createRoomRequest, joinRoomRequest } from './requests.js';
import { resolveBaseUrl } from './http.js';

/**
 * Options of {@link connect}.
 * @typedef {object} ConnectOptions
 * @property {string} token the session's JWT
 * @property {string} [url] the server's base address (`http://host:port`) or the full hub address; the page's origin in a browser
 * @property {'json' | 'msgpack'} [protocol] hub protocol, JSON by default
 * @property {'full' | 'delta'} [stateEncoding] how the room's state travels: `full` (the default) the whole state every
 *   tick, as `Snapshot` / `State`; `delta` a keyframe, then only what changed (smaller, positions quantised). The
 *   `snapshot` and `state` events get the same objects either way.
 * @property {'auto' | 'query'} [tokenIn] `auto`: SignalR's choice (bearer header in Node, `access_token` query in browsers); `query`: always the query string
 * @property {boolean} [reconnect] reconnect automatically (default true)
 * @property {number} [reconnectWindowMs] how long to keep trying (default 60 s; the server holds the seat for 20 s)
 * @property {number} [logLevel] a SignalR `LogLevel` for its console logging (default: critical only; failures surface as rejections and events)
 */

/**
 * A mode's message from the server.
 * @typedef {object} ModeMessage
 * @property {string} type the message type
 * @property {any} payload the mode's payload (a JSON object)
 */

/**
 * Events (subscribe with `on(name, listener)`):
 * `snapshot`, `roomState`, `chat`, `roomEvent`, `ping` (payloads of the contract), `message` (a {@link ModeMessage}
 * from `Message(type, payload)`; see also {@link GameConnection#onMessage}), `state` (a mode's per-tick `State`),
 * `error` (a {@link GameError} with `.code`), `closing` (`{reason, message}`), `reconnecting` (error), `reconnected`,
 * `disconnected` (`{ error, closing }`), `room` (the {@link RoomModel} after it was replaced or changed; null after
 * leaving, and after `Error{room_failed}`: the room was closed).
 */
export class GameConnection extends Emitter {
  #hub;
  #token;
  #lastClosing = null;
  #final = false;
  #stopped = false;
  /** @type {RoomHandle | null} */
  #handle = null;
  #decoder = new StateDecoder();

  /** @param {ConnectOptions} options */
  constructor(options) {
    super();
    if (!options?.token) throw new TypeError('token is required');
    this.#token = options.token;
    /** @type {'json' | 'msgpack'} */
    this.protocol = options.protocol ?? 'json';
    /** @type {'full' | 'delta'} */
    this.stateEncoding = options.stateEncoding ?? StateEncodings.full;
    /** @type {RoomModel | null} the room this player is seated in, kept current */
    this.room = null;
    this.#hub = this.#build(options);
    this.#wire();
  }

  #build({ url, protocol = 'json', stateEncoding = StateEncodings.full, tokenIn = 'auto', reconnect = true, reconnectWindowMs = 60_000, logLevel = LogLevel.Critical }) {
    if (protocol !== 'json' && protocol !== 'msgpack') throw new TypeError(`unknown protocol '${protocol}'`);
    if (!Object.values(StateEncodings).includes(stateEncoding)) throw new TypeError(`unknown stateEncoding '${stateEncoding}'`);
    let hubUrl = resolveBaseUrl(url);
    if (!/\/hubs\/[^/]+$/.test(new URL(hubUrl).pathname)) hubUrl += HUB_PATH;
    if (stateEncoding !== StateEncodings.full) {
      const withEncoding = new URL(hubUrl);
      withEncoding.searchParams.set(STATE_ENCODING_PARAMETER, stateEncoding);
      hubUrl = withEncoding.toString();
    }
    const httpOptions = { transport: HttpTransportType.WebSockets | HttpTransportType.LongPolling };
    if (tokenIn === 'query') {
      const withToken = new URL(hubUrl);
      withToken.searchParams.set('access_token', this.#token);
      hubUrl = withToken.toString();
    } else {
      httpOptions.accessTokenFactory = () => this.#token;
    }
    let builder = new HubConnectionBuilder().withUrl(hubUrl, httpOptions).configureLogging(logLevel);
    if (protocol === 'msgpack') builder = builder.withHubProtocol(new MessagePackHubProtocol());
    if (reconnect) {
      builder = builder.withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) => {
          if (this.#final || this.#stopped || context.elapsedMilliseconds > reconnectWindowMs) return null;
          return [0, 500, 1000, 2000][context.previousRetryCount] ?? 3000;
        },
      });
    }
    return builder.build();
  }

  #wire() {
    const hub = this.#hub;
    const onSnapshot = (snapshot) => {
      this.room?.applySnapshot(snapshot);
      this.emit('snapshot', snapshot);
    };
    const onState = (state) => this.emit('state', state);
    // Compact state is rebuilt here and delivered as the method it stands for, so listeners never see the difference.
    const deliver = ({ method, state }) => (method === ServerEvents.snapshot ? onSnapshot : onState)(state);
    hub.on(ServerEvents.snapshot, onSnapshot);
    hub.on(ServerEvents.keyframe, (method, state, steps, names) => deliver(this.#decoder.keyframe(method, state, steps, names)));
    hub.on(ServerEvents.delta, (delta) => deliver(this.#decoder.delta(delta)));
    hub.on(ServerEvents.roomState, (state) => {
      this.#setRoom(state);
      this.emit('roomState', state);
    });
    hub.on(ServerEvents.ping, (ping) => {
      // Answer at once: the server measures RTT from this and closes silent connections.
      hub.send(HubMethods.pong, { seq: ping.seq }).catch(() => {});
      this.emit('ping', ping);
    });
    hub.on(ServerEvents.chat, (message) => this.emit('chat', message));
    hub.on(ServerEvents.message, (type, payload) => this.emit('message', { type, payload }));
    hub.on(ServerEvents.state, onState);
    hub.on(ServerEvents.roomEvent, (event) => {
      if (this.room) {
        this.room.applyEvent(event);
        this.emit('room', this.room);
      }
      this.emit('roomEvent', event);
    });
    hub.on(ServerEvents.error, (error) => {
      const gameError = new GameError(error?.code ?? 'unknown', error?.message ?? '');
      // The room was closed and the seat with it: listeners of the error already see no room.
      if (gameError.code === ErrorCodes.roomFailed && this.room) this.#setRoom(null);
      this.emit('error', gameError);
      if (gameError.code === ErrorCodes.roomFailed) this.#endHandle(LeaveCauses.failed);
    });
    hub.on(ServerEvents.closing, (closing) => {
      this.#lastClosing = closing;
      if (FINAL_CLOSING_REASONS.has(closing?.reason)) this.#final = true;
      this.emit('closing', closing);
    });
    hub.onreconnecting((error) => {
      // A new connection starts with a keyframe: nothing of this one's stream applies to it.
      this.#decoder.reset();
      this.emit('reconnecting', error);
    });
    hub.onreconnected((connectionId) => this.emit('reconnected', connectionId));
    hub.onclose((error) => {
      this.#decoder.reset();
      this.emit('disconnected', { error, closing: this.#lastClosing });
      this.#endHandle(LeaveCauses.disconnected);
    });
  }

  #endHandle(cause) {
    const handle = this.#handle;
    this.#handle = null;
    handle?.end(cause);
  }

  // Every successful join seats the player anew: a handle of an earlier seat is over.
  #seated(result) {
    this.#setRoom(result);
    this.#endHandle(LeaveCauses.replaced);
    return result;
  }

  /** The handle of the room joined through `joinOrCreate`, `create` or `join`, while its seat lasts; else null. */
  get currentRoom() {
    return this.#handle;
  }

  #setRoom(state) {
    this.room = state ? new RoomModel(state) : null;
    this.emit('room', this.room);
  }

  /** The SignalR connection state: `Disconnected`, `Connecting`, `Connected`, `Disconnecting` or `Reconnecting`. */
  get state() {
    return this.#hub.state;
  }

  /** Whether the connection is up. */
  get connected() {
    return this.#hub.state === HubConnectionState.Connected;
  }

  /** The last `Closing` the server sent, or null. */
  get lastClosing() {
    return this.#lastClosing;
  }

  /** The underlying SignalR `HubConnection` (for advanced use and tests). */
  get hub() {
    return this.#hub;
  }

  /**
   * Replaces the token used by later (re)connects, e.g. after {@link refreshSession}.
   * @param {string} token
   */
  setToken(token) {
    this.#token = token;
  }

  /** Opens the connection; rejects with a {@link GameError} (`unauthorized` for a refused token). */
  async start() {
    this.#stopped = false;
    this.#final = false;
    try {
      await this.#hub.start();
    } catch (error) {
      // Negotiation failures carry the status only in their text ("...: Status code '401'").
      const status = error?.statusCode ?? Number(/Status code '(\d{3})'/.exec(error?.message ?? '')?.[1] ?? Number.NaN);
      throw status === 401
        ? new GameError('unauthorized', 'the server refused the session token', { status, cause: error })
        : new GameError('network', error?.message ?? String(error), { status: Number.isNaN(status) ? undefined : status, cause: error });
    }
  }

  /** Closes the connection without reconnecting. The server keeps the seat for its reconnect window. */
  async stop() {
    this.#stopped = true;
    await this.#hub.stop();
  }

  async #invoke(method, ...args) {
    try {
      return await this.#hub.invoke(method, ...args);
    } catch (error) {
      throw parseHubError(error);
    }
  }

  /**
   * Joins a room by code, or quick-joins (the fullest public room with a free seat, or a new one).
   * @param {string | null | import('./requests.js').JoinOptions} [roomIdOrOptions] a 6-character room code, null for
   *   quick join in the server's default mode, or `{ roomId, mode, properties }`
   * @returns {Promise<object>} the `JoinResult`; rejects with a {@link GameError} (`room_full`, `room_not_found`,
   *   `unknown_mode`, `room_in_progress`, ...)
   * @example
   * await game.joinRoom('k3x9qa');
   * await game.joinRoom({ mode: 'arena', properties: { map: 'small' } });
   */
  async joinRoom(roomIdOrOptions = null) {
    return this.#seated(await this.#invoke(HubMethods.joinRoom, joinRoomRequest(roomIdOrOptions)));
  }

  /**
   * Quick-joins a room of a mode whose properties match: the fullest public one with a free seat, or a new one.
   * @param {{ mode?: string, properties?: Record<string, string> }} [options] the server's default mode when absent
   * @returns {Promise<object>} the `JoinResult`
   */
  quickJoin({ mode, properties } = {}) {
    return this.joinRoom({ roomId: null, mode, properties });
  }

  /**
   * Creates a room and seats this player in it.
   * @param {boolean | import('./requests.js').CreateOptions} [isPrivateOrOptions] whether the room is private (joined
   *   by code only; default true), or `{ isPrivate, mode, properties }`
   * @returns {Promise<object>} the `JoinResult`; rejects with a {@link GameError} (`unknown_mode`, `invalid_argument`, ...)
   */
  async createRoom(isPrivateOrOptions = true) {
    return this.#seated(await this.#invoke(HubMethods.createRoom, createRoomRequest(isPrivateOrOptions)));
  }

  /** Leaves the current room. */
  async leaveRoom() {
    await this.#invoke(HubMethods.leaveRoom);
    this.#setRoom(null);
    this.#endHandle(LeaveCauses.left);
  }

  /**
   * Quick-joins a room of `mode` whose properties match (the fullest public one with a free seat, or a new one).
   * @param {string} [mode] the mode's name; the server's default mode when absent or null
   * @param {{ properties?: Record<string, string> }} [options] quick join matches only rooms created with these
   * @returns {Promise<RoomHandle>} the seat's handle; rejects with a {@link GameError} (`unknown_mode`, `room_in_progress`, ...)
   * @example
   * const room = await game.joinOrCreate('four-in-a-row');
   * room.onState((state) => draw(state.board));
   * await room.send('Drop', { column: 3 });
   */
  async joinOrCreate(mode, options = {}) {
    return this.#handleOf(await this.joinRoom({ roomId: null, mode: mode ?? undefined, properties: options?.properties }));
  }

  /**
   * Creates a room of `mode` and seats this player in it.
   * @param {string} [mode] the mode's name; the server's default mode when absent or null
   * @param {{ private?: boolean, properties?: Record<string, string> }} [options] `private`: joined by code only
   *   (default false: quick join finds it too)
   * @returns {Promise<RoomHandle>} the seat's handle; `room.id` is the code to share
   */
  async create(mode, options = {}) {
    const isPrivate = options?.private ?? false;
    if (typeof isPrivate !== 'boolean') throw new TypeError(`private must be a boolean, not ${typeof isPrivate}`);
    return this.#handleOf(await this.createRoom({ isPrivate, mode: mode ?? undefined, properties: options?.properties }));
  }

  /**
   * Joins a room by its code (its id), whatever mode it plays: the handle's `mode` says which.
   * @param {string} code 6 characters of a-z and 0-9
   * @returns {Promise<RoomHandle>} rejects with `invalid_room_id`, `room_not_found`, `room_full`, ...
   */
  async join(code) {
    if (typeof code !== 'string') throw new TypeError(`code must be a string, not ${code === null ? 'null' : typeof code}`);
    return this.#handleOf(await this.joinRoom(code));
  }

  #handleOf(result) {
    this.#handle = new RoomHandle(this, result);
    return this.#handle;
  }

  /**
   * Sends a steering input; the direction persists until the next input.
   * @param {number} seq an integer greater than the last one sent
   * @param {number} dx in [-1, 1]
   * @param {number} dy in [-1, 1]
   * @returns {Promise<void>} resolves when sent; rule violations arrive later as an `error` event
   */
  input(seq, dx, dy) {
    return this.#send(HubMethods.input, { seq, dx, dy });
  }

  /**
   * Sends a chat line to the room.
   * @param {string} text 1 to 200 characters
   * @returns {Promise<void>}
   */
  chat(text) {
    return this.#send(HubMethods.chat, { text });
  }

  /**
   * Sends a message of the room's mode: one-way, like {@link GameConnection#input}. The arena's `Input` and `Chat`
   * can go this way too.
   * @param {string} type a message type the room's mode declares (else an `unknown_message` error event)
   * @param {object} [payload] a JSON object (else an `invalid_argument` error event)
   * @returns {Promise<void>} resolves when sent; refusals arrive later as `error` events (`not_in_room`,
   *   `unknown_message`, `message_too_large`, `rate_limited`, or the mode's own code)
   */
  send(type, payload = {}) {
    if (typeof type !== 'string') return Promise.reject(new TypeError(`type must be a string, not ${typeof type}`));
    return this.#send(HubMethods.send, type, payload);
  }

  /**
   * Listens to the mode's messages of one type (`Message(type, payload)`).
   * @param {string} type
   * @param {(payload: any) => void} listener called with the payload
   * @returns {() => void} a function that removes the listener
   * @example
   * const off = game.onMessage('Move', (move) => board.apply(move));
   */
  onMessage(type, listener) {
    return this.on('message', (message) => {
      if (message?.type === type) listener(message.payload);
    });
  }

  async #send(method, ...args) {
    try {
      await this.#hub.send(method, ...args);
    } catch (error) {
      throw parseHubError(error);
    }
  }
}

/**
 * Connects to the game hub.
 * @param {ConnectOptions} options
 * @returns {Promise<GameConnection>} a started connection
 * @example
 * const session = await createSession('Alice', 'http://127.0.0.1:5000');
 * const game = await connect({ token: session.token, url: 'http://127.0.0.1:5000', protocol: 'msgpack' });
 * game.on('snapshot', (s) => console.log(s.tick));
 * await game.joinRoom(null);
 * @example
 * // a room of another mode: its own messages and state
 * await game.quickJoin({ mode: 'tictactoe' });
 * game.onMessage('Moved', (move) => console.log(move));
 * game.on('state', (board) => console.log(board));
 * await game.send('Move', { cell: 4 });
 */
export async function connect(options) {
  const connection = new GameConnection(options);
  await connection.start();
  return connection;
}

