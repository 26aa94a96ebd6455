/**
 * The public contract's names (PROTOCOL.md, docs/protocol.md): hub path, method and event names, codes and reasons.
 * @module protocol
 */

/** Path of the game hub, relative to the server's base address. */
export const HUB_PATH = '/hubs/game';

/** Hub methods a client calls on the server. */
export const HubMethods = Object.freeze({
  joinRoom: 'JoinRoom',
  createRoom: 'CreateRoom',
  leaveRoom: 'LeaveRoom',
  input: 'Input',
  chat: 'Chat',
  pong: 'Pong',
  /** Any mode's message: `Send(type, payload)`; `Input` and `Chat` are the arena's aliases of it. */
  send: 'Send',
});

/** Hub methods the server calls on a client, keyed by the SDK's event name. */
export const ServerEvents = Object.freeze({
  snapshot: 'Snapshot',
  roomState: 'RoomState',
  ping: 'Ping',
  chat: 'Chat',
  roomEvent: 'RoomEvent',
  error: 'Error',
  closing: 'Closing',
  /** A mode's message: `Message(type, payload)`. */
  message: 'Message',
  /** A mode's per-tick state (the arena sends `Snapshot` instead). */
  state: 'State',
  /** Compact state (`stateEncoding: 'delta'`): the whole state, `Keyframe(method, state, steps, names)`. */
  keyframe: 'Keyframe',
  /** Compact state: what changed since the previous state, `Delta(delta)`. */
  delta: 'Delta',
});

/** The hub URL's query parameter that chooses how state arrives (`full` or `delta`). */
export const STATE_ENCODING_PARAMETER = 'stateEncoding';

/** The mode a server runs when a join names none, and the only one a server older than modes runs. */
export const DEFAULT_MODE = 'arena';

/** Stable error codes a client can cause. */
export const ErrorCodes = Object.freeze({
  roomFull: 'room_full',
  roomNotFound: 'room_not_found',
  invalidRoomId: 'invalid_room_id',
  alreadyInRoom: 'already_in_room',
  rateLimited: 'rate_limited',
  invalidArgument: 'invalid_argument',
  invalidInput: 'invalid_input',
  notInRoom: 'not_in_room',
  invalidChat: 'invalid_chat',
  invalidName: 'invalid_name',
  /** No mode of that name runs on the server. */
  unknownMode: 'unknown_mode',
  /** The room's mode declares no message of that type. */
  unknownMessage: 'unknown_message',
  /** The payload is larger than its message type allows. */
  messageTooLarge: 'message_too_large',
  /** The room's game is under way and its mode takes no players meanwhile. */
  roomInProgress: 'room_in_progress',
  /** The room's mode failed and the room was closed; join another. */
  roomFailed: 'room_failed',
  /** The server runs as many rooms as it may: join an existing room or try again later. */
  tooManyRooms: 'too_many_rooms',
  /** Client-side: the server refused the token (HTTP 401). */
  unauthorized: 'unauthorized',
  /** Client-side: an HTTP or transport failure without a code of the contract. */
  network: 'network',
});

/** Why the server closes a connection (the `Closing` event's `reason`). */
export const ClosingReasons = Object.freeze({
  serverShutdown: 'server_shutdown',
  pingTimeout: 'ping_timeout',
  flood: 'flood',
  duplicateSession: 'duplicate_session',
  kicked: 'kicked',
});

/** Closing reasons after which reconnecting would only be refused or repeat the problem. */
export const FINAL_CLOSING_REASONS = Object.freeze(new Set([
  ClosingReasons.flood,
  ClosingReasons.duplicateSession,
  ClosingReasons.kicked,
]));

/** Round phases of a snapshot. */
export const RoomPhases = Object.freeze({ playing: 'playing', results: 'results' });

/** Kinds of `RoomEvent`. */
export const RoomEventTypes = Object.freeze({
  playerJoined: 'player_joined',
  playerLeft: 'player_left',
  roundStarted: 'round_started',
  roundEnded: 'round_ended',
});

/**
 * The arena's defaults. A server sends its own geometry in the `JoinResult`'s `arena` field (see
 * {@link RoomModel#arena}); these stand in before a join and for a server older than that field.
 */
export const ArenaDefaults = Object.freeze({
  worldWidth: 1000,
  worldHeight: 1000,
  playerRadius: 20,
  orbRadius: 8,
  playerSpeed: 200,
  orbCount: 24,
  tickMs: 50,
  capacity: 8,
  roundMs: 60_000,
  resultsMs: 5_000,
  seatHoldMs: 20_000,
  /** @deprecated the width and height of the default (square) world: use `worldWidth` and `worldHeight` */
  worldSize: 1000,
  /** @deprecated use `playerSpeed` */
  speed: 200,
});

/** The fields of the `JoinResult`'s `arena` object: the geometry the client draws and predicts with. */
export const ARENA_GEOMETRY_FIELDS = Object.freeze(['worldWidth', 'worldHeight', 'playerRadius', 'orbRadius', 'playerSpeed', 'orbCount', 'tickMs']);

/** Room codes: 6 characters of [a-z0-9]. */
export const ROOM_CODE_PATTERN = /^[a-z0-9]{6}$/;
