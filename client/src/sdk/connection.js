/**
 * The real-time connection to the game hub: helpers for every hub method and event of the contract,
 * automatic Pong, automatic reconnect that resumes the seat.
 * @module connection
 */
import { HubConnectionBuilder, HubConnectionState, HttpTransportType, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { Emitter } from './emitter.js';
import { GameError, parseHubError } from './errors.js';
import { FINAL_CLOSING_REASONS, HUB_PATH, HubMethods, ServerEvents } from './protocol.js';
import { RoomModel } from './room.js';
import { resolveBaseUrl } from './http.js';

/**
 * Options of {@link connect}.
 * @typedef {object} ConnectOptions
 * @property {string} token the session's JWT
 * @property {string} [url] the server's base address (`http://host:port`) or the full hub address; the page's origin in a browser
 * @property {'json' | 'msgpack'} [protocol] hub protocol, JSON by default
 * @property {'auto' | 'query'} [tokenIn] `auto`: SignalR's choice (bearer header in Node, `access_token` query in browsers); `query`: always the query string
 * @property {boolean} [reconnect] reconnect automatically (default true)
 * @property {number} [reconnectWindowMs] how long to keep trying (default 60 s; the server holds the seat for 20 s)
 * @property {number} [logLevel] a SignalR `LogLevel` for its console logging (default: critical only; failures surface as rejections and events)
 */

/**
 * Events (subscribe with `on(name, listener)`):
 * `snapshot`, `roomState`, `chat`, `roomEvent`, `ping` (payloads of the contract), `error` (a {@link GameError}
 * with `.code`), `closing` (`{reason, message}`), `reconnecting` (error), `reconnected`, `disconnected`
 * (`{ error, closing }`), `room` (the {@link RoomModel} after it was replaced or changed).
 */
export class GameConnection extends Emitter {
  #hub;
  #token;
  #lastClosing = null;
  #final = false;
  #stopped = false;

  /** @param {ConnectOptions} options */
  constructor(options) {
    super();
    if (!options?.token) throw new TypeError('token is required');
    this.#token = options.token;
    /** @type {'json' | 'msgpack'} */
    this.protocol = options.protocol ?? 'json';
    /** @type {RoomModel | null} the room this player is seated in, kept current */
    this.room = null;
    this.#hub = this.#build(options);
    this.#wire();
  }

  #build({ url, protocol = 'json', tokenIn = 'auto', reconnect = true, reconnectWindowMs = 60_000, logLevel = LogLevel.Critical }) {
    if (protocol !== 'json' && protocol !== 'msgpack') throw new TypeError(`unknown protocol '${protocol}'`);
    let hubUrl = resolveBaseUrl(url);
    if (!/\/hubs\/[^/]+$/.test(new URL(hubUrl).pathname)) hubUrl += HUB_PATH;
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
    hub.on(ServerEvents.snapshot, (snapshot) => {
      this.room?.applySnapshot(snapshot);
      this.emit('snapshot', snapshot);
    });
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
    hub.on(ServerEvents.roomEvent, (event) => {
      if (this.room) {
        this.room.applyEvent(event);
        this.emit('room', this.room);
      }
      this.emit('roomEvent', event);
    });
    hub.on(ServerEvents.error, (error) => {
      this.emit('error', new GameError(error?.code ?? 'unknown', error?.message ?? ''));
    });
    hub.on(ServerEvents.closing, (closing) => {
      this.#lastClosing = closing;
      if (FINAL_CLOSING_REASONS.has(closing?.reason)) this.#final = true;
      this.emit('closing', closing);
    });
    hub.onreconnecting((error) => this.emit('reconnecting', error));
    hub.onreconnected((connectionId) => this.emit('reconnected', connectionId));
    hub.onclose((error) => this.emit('disconnected', { error, closing: this.#lastClosing }));
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
   * @param {string | null} [roomId] a 6-character room code, or null for quick join
   * @returns {Promise<object>} the `JoinResult`; rejects with a {@link GameError} (`room_full`, `room_not_found`, ...)
   */
  async joinRoom(roomId = null) {
    const result = await this.#invoke(HubMethods.joinRoom, { roomId: roomId ?? null });
    this.#setRoom(result);
    return result;
  }

  /**
   * Creates a room and seats this player in it.
   * @param {boolean} [isPrivate] private rooms are joined by code only
   * @returns {Promise<object>} the `JoinResult`
   */
  async createRoom(isPrivate = true) {
    const result = await this.#invoke(HubMethods.createRoom, { isPrivate: Boolean(isPrivate) });
    this.#setRoom(result);
    return result;
  }

  /** Leaves the current room. */
  async leaveRoom() {
    await this.#invoke(HubMethods.leaveRoom);
    this.#setRoom(null);
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

  async #send(method, payload) {
    try {
      await this.#hub.send(method, payload);
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
 */
export async function connect(options) {
  const connection = new GameConnection(options);
  await connection.start();
  return connection;
}

