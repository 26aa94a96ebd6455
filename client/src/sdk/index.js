/**
 * OrleansGame JavaScript SDK: sessions over HTTP, the real-time game connection, a room model.
 * @module orleansgame-client
 */
export { createSession, refreshSession, listRooms, listModes, getLeaderboard, getPlayer, resolveBaseUrl } from './http.js';
export { connect, GameConnection } from './connection.js';
export { GameError, parseHubError } from './errors.js';
export { RoomModel, arenaGeometry } from './room.js';
export { RoomHandle, LeaveCauses } from './room-handle.js';
export { Emitter } from './emitter.js';
export { StateDecoder, StateEncodings, applyDelta, quantise } from './delta.js';
export {
  ArenaDefaults,
  ClosingReasons,
  DEFAULT_MODE,
  ErrorCodes,
  FINAL_CLOSING_REASONS,
  HUB_PATH,
  HubMethods,
  ROOM_CODE_PATTERN,
  RoomEventTypes,
  RoomPhases,
  STATE_ENCODING_PARAMETER,
  ServerEvents,
} from './protocol.js';
export { directionTo, directionChanged, nearest } from './steering.js';
