/**
 * The public contract's names (PROTOCOL.md): hub path, method and event names, codes and reasons.
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
});

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

/** Arena defaults (configurable on the server; the client uses them for prediction and drawing). */
export const ArenaDefaults = Object.freeze({
  worldSize: 1000,
  playerRadius: 20,
  orbRadius: 8,
  speed: 200,
  tickMs: 50,
  capacity: 8,
  roundMs: 60_000,
  resultsMs: 5_000,
  seatHoldMs: 20_000,
});

/** Room codes: 6 characters of [a-z0-9]. */
export const ROOM_CODE_PATTERN = /^[a-z0-9]{6}$/;
