// TypeScript declarations of the OrleansGame JavaScript SDK (src/sdk/index.js): the contract of docs/protocol.md
// and the message maps of the modes this server ships. Kept in step with the JavaScript by test/types.test.js,
// which checks that every export is declared and compiles test/types/consumer.ts with tsc --noEmit.

import type { LogLevel } from '@microsoft/signalr';

export * from './protocol.js';
export * from './arena.js';
export * from './four-in-a-row.js';

import type {
  ClosingMessage,

  HostErrorCode,
  JoinResultBase,
  PingMessage,
  RoomEventMessage,
  RoomInfo,
  ModeInfo,
  LeaderboardEntry,
  PlayerProfile,
  Session,
} from './protocol.js';
import type { ArenaGeometry, ArenaMode, ChatLine, Orb, PlayerState, RoundResult, Snapshot } from './arena.js';
import type { FourInARowMode } from './four-in-a-row.js';

// ---- compact state ----------------------------------------------------------------------------------------

/** The `stateEncoding` values of {@link ConnectOptions}. */
export const StateEncodings: Readonly<{ full: 'full'; delta: 'delta' }>;

/** Applies one `Delta` to the value it was made from and returns the new value (docs/protocol.md, "Compact state"). */
export function applyDelta(previous: unknown, delta: unknown, steps?: Record<string, number>, names?: string[], name?: string | null): any;

/** A keyframe's state with its quantised members rounded to their steps. */
export function quantise(value: unknown, steps: Record<string, number>, name?: string | null): any;

/** One connection's view of the compact stream: rebuilds each state from a keyframe and the deltas after it. */
export class StateDecoder {
  keyframe(method: string, state: unknown, steps: Record<string, number> | null, names?: string[] | null): { method: string; state: any };
  delta(delta: unknown): { method: string; state: any };
  reset(): void;
}

// ---- modes ---------------------------------------------------------------------------------------------------

/**
 * What a mode exchanges with clients: the messages a client sends (`send`, type to payload), the messages it
 * receives (`receive`, type to payload: inside `Message(type, payload)` or as a hub method of that name), the
 * per-tick state, the mode's fields of the join result, and the error codes of its own.
 */
export interface ModeSpec {
  send: Record<string, object>;
  receive: Record<string, unknown>;
  state: unknown;
  join: object;
  errors: string;
}

/** A mode the client knows nothing about: any type, any payload. */
export interface AnyMode extends ModeSpec {
  send: Record<string, object>;
  receive: Record<string, any>;
  state: any;
  join: Record<string, unknown>;
  errors: string;
}

/**
 * The modes by name. Add your own by declaration merging, and `joinOrCreate('my-game')` is typed too:
 * ```ts
 * declare module 'orleansgame-client' {
 *   interface Modes { 'my-game': { send: { Tap: {} }; receive: {}; state: { scores: Record<string, number> }; join: {}; errors: never } }
 * }
 * ```
 */
export interface Modes {
  arena: ArenaMode;
  'four-in-a-row': FourInARowMode;
}

/** The name of a mode this client has a message map for. */
export type ModeName = keyof Modes & string;

/** The spec of a mode by name: its message map when known, {@link AnyMode} for any other name. */
export type SpecOf<M extends string> = M extends ModeName ? Modes[M] : AnyMode;

/** The `JoinResult` of a room of mode `S`: the host's fields, the mode's own, then `mode`. */
export type JoinResult<S extends ModeSpec = AnyMode> = JoinResultBase & S['join'];

// ---- errors --------------------------------------------------------------------------------------------------

/** An error with a stable lowercase `code` and a human message. */
export class GameError<C extends string = string> extends Error {
  constructor(code: C, message: string, details?: { status?: number; cause?: unknown });
  readonly name: 'GameError';
  readonly code: C;
  /** The HTTP status, for HTTP failures. */
  readonly status?: number;
}

/** Turns a rejected hub invocation into a {@link GameError} whose `code` is the contract's code. */
export function parseHubError(error: unknown, fallbackCode?: string): GameError;

// ---- emitter -------------------------------------------------------------------------------------------------

/** A small event emitter; `on` returns the unsubscribe function, `next` a bounded promise of the next event. */
export class Emitter<Events extends object = Record<string, any>> {
  on<E extends keyof Events & string>(event: E, listener: (payload: Events[E]) => void): () => void;
  off<E extends keyof Events & string>(event: E, listener: (payload: Events[E]) => void): void;
  next<E extends keyof Events & string>(event: E, options?: { timeoutMs?: number; filter?: (payload: Events[E]) => boolean }): Promise<Events[E]>;
  emit<E extends keyof Events & string>(event: E, payload: Events[E]): void;
}

// ---- the room model (arena) ----------------------------------------------------------------------------------

/** The room as the client knows it, kept current by the connection (the browser game draws from it). */
export class RoomModel {
  constructor(joinResult: JoinResult);
  reset(state: JoinResult): void;
  roomId: string;
  playerId: string;
  capacity: number;
  isPrivate: boolean;
  mode: string;
  /** The arena's geometry; null in a room of another mode. */
  arena: Readonly<ArenaGeometry> | null;
  roster: Map<string, string>;
  orbs: Map<number, Orb>;
  players: Map<string, PlayerState>;
  movedOrbs: Array<{ id: number; from: { x: number; y: number } | null; to: { x: number; y: number } }>;
  lastResults: RoundResult[] | null;
  tick: number;
  phase: string;
  remainingMs: number;
  serverTime: number;
  applySnapshot(snapshot: Snapshot): boolean;
  applyEvent(event: RoomEventMessage): void;
  nameOf(playerId: string): string;
  readonly me: PlayerState | undefined;
}

/** The geometry to draw and predict with: the server's fields, the defaults for what it left out. */
export function arenaGeometry(arena?: Partial<ArenaGeometry> | null): Readonly<ArenaGeometry>;

// ---- room handles --------------------------------------------------------------------------------------------

/** Why a handle stopped being the player's room. */
export type LeaveCause = 'left' | 'failed' | 'replaced' | 'disconnected';
export const LeaveCauses: Readonly<{ left: 'left'; failed: 'failed'; replaced: 'replaced'; disconnected: 'disconnected' }>;

/** One seat in one room of mode `S`: what `joinOrCreate`, `create` and `join` resolve to. */
export class RoomHandle<S extends ModeSpec = AnyMode> {
  private constructor();
  /** The room's code, also its id. */
  readonly id: string;
  /** The room's mode. */
  readonly mode: string;
  /** The local player's id. */
  readonly playerId: string;
  /** Whether the seat is still held as far as the client knows. */
  readonly active: boolean;
  /** The latest join result (or the `RoomState` of a resumed seat). */
  readonly joinResult: JoinResult<S>;
  /** The latest state: the join result's, then every tick's; undefined before any. */
  readonly state: S['state'] | undefined;
  /** Whether the room plays `mode`; narrows the handle to that mode's messages. */
  is<M extends ModeName>(mode: M): this is RoomHandle<Modes[M]>;
  is(mode: string): boolean;
  /** Sends a message of the mode (`Send(type, payload)`); refusals come to `onError`. */
  send<T extends keyof S['send'] & string>(type: T, payload: S['send'][T]): Promise<void>;
  /** Listens to the mode's messages of one type; returns the unsubscribe function. */
  onMessage<T extends keyof S['receive'] & string>(type: T, listener: (payload: S['receive'][T]) => void): () => void;
  /** Listens to the room's state after every tick. */
  onState(listener: (state: S['state']) => void): () => void;
  /** Listens to the errors the server sends: the host's codes and the mode's own. */
  onError(listener: (error: GameError<HostErrorCode | S['errors']>) => void): () => void;
  /** Listens to the seat coming back after a dropped connection. */
  onRejoin(listener: (joinResult: JoinResult<S>) => void): () => void;
  /** Listens to the end of the seat, once. */
  onLeave(listener: (cause: LeaveCause) => void): () => void;
  /** Leaves the room and removes every listener added through the handle. */
  leave(): Promise<void>;
}

// ---- the connection ------------------------------------------------------------------------------------------

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** The session's JWT. */
  token: string;
  /** The server's base address (`http://host:port`) or the full hub address; the page's origin in a browser. */
  url?: string;
  /** The hub protocol, `json` by default; field names are the same in both. */
  protocol?: 'json' | 'msgpack';
  /**
   * How the room's state travels: `full` (default) the whole state every tick; `delta` a keyframe, then only what
   * changed, positions quantised. The `snapshot` and `state` events receive the same objects either way.
   */
  stateEncoding?: 'full' | 'delta';
  /** `auto`: SignalR's choice (bearer header in Node, query string in browsers); `query`: always the query string. */
  tokenIn?: 'auto' | 'query';
  /** Reconnect automatically (default true). */
  reconnect?: boolean;
  /** How long to keep trying to reconnect, in ms (default 60 000; the server holds the seat for 20 s). */
  reconnectWindowMs?: number;
  /** A SignalR `LogLevel` for its console logging (default: critical only). */
  logLevel?: LogLevel;
}

/** A mode's message from `Message(type, payload)`. */
export interface ModeMessage {
  type: string;
  payload: any;
}

/** The connection's events and their payloads. */
export interface ConnectionEvents {
  snapshot: Snapshot;
  roomState: JoinResult;
  chat: ChatLine;
  roomEvent: RoomEventMessage;
  ping: PingMessage;
  message: ModeMessage;
  state: unknown;
  error: GameError;
  closing: ClosingMessage;
  reconnecting: Error | undefined;
  reconnected: string | undefined;
  disconnected: { error: Error | undefined; closing: ClosingMessage | null };
  room: RoomModel | null;
}

/** Where and how to join with {@link GameConnection.joinRoom}. */
export interface JoinOptions {
  roomId?: string | null;
  mode?: string;
  properties?: Record<string, string>;
}

/** What to create with {@link GameConnection.createRoom}. */
export interface CreateOptions {
  isPrivate?: boolean;
  mode?: string;
  properties?: Record<string, string>;
}

/** The real-time connection to the game hub. */
export class GameConnection extends Emitter<ConnectionEvents> {
  constructor(options: ConnectOptions);
  readonly protocol: 'json' | 'msgpack';
  /** How the room's state travels on this connection. */
  readonly stateEncoding: 'full' | 'delta';
  /** The room this player is seated in, kept current. */
  room: RoomModel | null;
  /** The handle of the room joined through `joinOrCreate`, `create` or `join`, while its seat lasts. */
  readonly currentRoom: RoomHandle | null;
  /** The SignalR connection state. */
  readonly state: string;
  readonly connected: boolean;
  readonly lastClosing: ClosingMessage | null;
  /** The underlying SignalR `HubConnection`. */
  readonly hub: import('@microsoft/signalr').HubConnection;
  setToken(token: string): void;
  start(): Promise<void>;
  stop(): Promise<void>;

  /** Quick-joins a room of `mode` whose properties match, or a new one. */
  joinOrCreate<M extends string>(mode: M, options?: { properties?: Record<string, string> }): Promise<RoomHandle<SpecOf<M>>>;
  /** Creates a room of `mode` (public unless `private`) and seats this player in it. */
  create<M extends string>(mode: M, options?: { private?: boolean; properties?: Record<string, string> }): Promise<RoomHandle<SpecOf<M>>>;
  /** Joins a room by its code; name the mode's spec to type the handle (check `room.mode`, or narrow with `room.is`). */
  join<S extends ModeSpec = AnyMode>(code: string): Promise<RoomHandle<S>>;

  joinRoom(roomIdOrOptions?: string | null | JoinOptions): Promise<JoinResult>;
  quickJoin(options?: { mode?: string; properties?: Record<string, string> }): Promise<JoinResult>;
  createRoom(isPrivateOrOptions?: boolean | CreateOptions): Promise<JoinResult>;
  leaveRoom(): Promise<void>;
  input(seq: number, dx: number, dy: number): Promise<void>;
  chat(text: string): Promise<void>;
  send(type: string, payload?: object): Promise<void>;
  onMessage(type: string, listener: (payload: any) => void): () => void;
}

/** Connects to the game hub; resolves with a started connection. */
export function connect(options: ConnectOptions): Promise<GameConnection>;

// ---- HTTP ----------------------------------------------------------------------------------------------------

export function resolveBaseUrl(baseUrl?: string): string;
export function createSession(name: string, baseUrl?: string): Promise<Session>;
export function refreshSession(token: string, baseUrl?: string): Promise<Session>;
export function listRooms(baseUrl?: string, options?: { mode?: string }): Promise<RoomInfo[]>;
export function listModes(baseUrl?: string): Promise<ModeInfo[]>;
export function getLeaderboard(top?: number, baseUrl?: string): Promise<LeaderboardEntry[]>;
export function getPlayer(playerId: string, baseUrl?: string): Promise<PlayerProfile>;

// ---- steering (bots) -----------------------------------------------------------------------------------------

export function directionTo(from: { x: number; y: number }, to: { x: number; y: number }, deadZone?: number): { dx: number; dy: number };
export function directionChanged(a: { dx: number; dy: number }, b: { dx: number; dy: number }): boolean;
export function nearest<T extends { x: number; y: number }>(point: { x: number; y: number }, items: Iterable<T>): T | undefined;

