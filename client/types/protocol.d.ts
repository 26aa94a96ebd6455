// The contract's names and the host's wire shapes, the same in every mode (docs/protocol.md).

/** `POST /api/sessions`: a guest player and its token. */
export interface Session {
  playerId: string;
  name: string;
  /** The JWT to connect with (24 h). */
  token: string;
  /** ISO-8601. */
  expiresAt: string;
}

/** A room of `GET /api/rooms`. */
export interface RoomInfo {
  roomId: string;
  players: number;
  capacity: number;
  phase: string;
  isPrivate: boolean;
  mode?: string;
  /** False while a game is under way in a mode that takes nobody meanwhile. */
  joinable?: boolean;
}

/** A mode of `GET /api/modes`. */
export interface ModeInfo {
  name: string;
  capacity: number;
  tickRate: number;
  joinInProgress: boolean;
  isDefault: boolean;
}

/** A row of `GET /api/leaderboard`. */
export interface LeaderboardEntry {
  playerId: string;
  name: string;
  bestScore: number;
  wins: number;
  gamesPlayed: number;
}

/** `GET /api/players/{playerId}`. */
export interface PlayerProfile {
  playerId: string;
  name: string;
  gamesPlayed: number;
  wins: number;
  bestScore: number;
  totalOrbs: number;
  /** ISO-8601. */
  createdAt: string;
}

/** A seated player as the roster lists it. */
export interface RosterEntry {
  playerId: string;
  name: string;
}

/** The host's fields of every `JoinResult` and `RoomState`; a mode adds its own (see each mode's `join`). */
export interface JoinResultBase {
  roomId: string;
  /** The local player. */
  playerId: string;
  capacity: number;
  isPrivate: boolean;
  roster: RosterEntry[];
  /** The room's mode (absent only from a server older than modes, which runs the arena). */
  mode?: string;
}

/** `Ping`, answered with `Pong` by the SDK. */
export interface PingMessage {
  seq: number;
  /** Unix milliseconds. */
  serverTime: number;
}

/** `Pong`. */
export interface PongMessage {
  seq: number;
}

/** `Closing`: sent just before the server closes the connection. */
export interface ClosingMessage {
  reason: ClosingReason;
  message: string;
}

/** `Error`, as the server sends it (the SDK hands it on as a {@link GameError}). */
export interface ErrorMessage {
  code: string;
  message: string;
}

/** The host's `RoomEvent`, in every mode: a seat changed. */
export interface HostRoomEvent {
  type: 'player_joined' | 'player_left';
  playerId: string;
  /** With `player_joined`. */
  name?: string;
}

/** A `RoomEvent` of any mode: the host's, or the arena's round events. */
export type RoomEventMessage = HostRoomEvent | import('./arena.js').RoundEvent;

/** The reasons of `Closing`. */
export type ClosingReason = 'server_shutdown' | 'ping_timeout' | 'flood' | 'duplicate_session' | 'kicked';

/** The codes of errors the host (not a mode) sends or an invoke fails with, and the SDK's own. */
export type HostErrorCode =
  | 'room_full' | 'room_not_found' | 'invalid_room_id' | 'already_in_room' | 'rate_limited' | 'invalid_argument'
  | 'unknown_mode' | 'room_in_progress' | 'room_failed' | 'unavailable' | 'not_in_room' | 'unknown_message'
  | 'message_too_large' | 'unauthorized' | 'network';

/** Path of the game hub, relative to the server's base address. */
export const HUB_PATH: '/hubs/game';

export const HubMethods: Readonly<{
  joinRoom: 'JoinRoom'; createRoom: 'CreateRoom'; leaveRoom: 'LeaveRoom'; input: 'Input'; chat: 'Chat'; pong: 'Pong'; send: 'Send';
}>;

export const ServerEvents: Readonly<{
  snapshot: 'Snapshot'; roomState: 'RoomState'; ping: 'Ping'; chat: 'Chat'; roomEvent: 'RoomEvent'; error: 'Error';
  closing: 'Closing'; message: 'Message'; state: 'State'; keyframe: 'Keyframe'; delta: 'Delta';
}>;

/** The hub URL's query parameter that chooses how state arrives. */
export const STATE_ENCODING_PARAMETER: 'stateEncoding';

/** The mode a server runs when a join names none. */
export const DEFAULT_MODE: 'arena';

export const ErrorCodes: Readonly<{
  roomFull: 'room_full'; roomNotFound: 'room_not_found'; invalidRoomId: 'invalid_room_id'; alreadyInRoom: 'already_in_room';
  rateLimited: 'rate_limited'; invalidArgument: 'invalid_argument'; invalidInput: 'invalid_input'; notInRoom: 'not_in_room';
  invalidChat: 'invalid_chat'; invalidName: 'invalid_name'; unknownMode: 'unknown_mode'; unknownMessage: 'unknown_message';
  messageTooLarge: 'message_too_large'; roomInProgress: 'room_in_progress'; roomFailed: 'room_failed';
  unauthorized: 'unauthorized'; network: 'network';
}>;

export const ClosingReasons: Readonly<{
  serverShutdown: 'server_shutdown'; pingTimeout: 'ping_timeout'; flood: 'flood'; duplicateSession: 'duplicate_session'; kicked: 'kicked';
}>;

/** Closing reasons after which the SDK does not reconnect. */
export const FINAL_CLOSING_REASONS: ReadonlySet<ClosingReason>;

/** Room codes: 6 characters of [a-z0-9]. */
export const ROOM_CODE_PATTERN: RegExp;
