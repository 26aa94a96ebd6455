// Orb Arena, the mode named `arena`: its messages, state and join fields (docs/protocol.md, section 3).

import type { HostRoomEvent } from './protocol.js';

/** The server's geometry, the join result's `arena` field. */
export interface ArenaGeometry {
  worldWidth: number;
  worldHeight: number;
  playerRadius: number;
  orbRadius: number;
  /** Units a second. */
  playerSpeed: number;
  orbCount: number;
  /** Milliseconds between ticks (one `Snapshot` each). */
  tickMs: number;
}

/** An orb. */
export interface Orb {
  id: number;
  x: number;
  y: number;
}

/** A player in a snapshot. */
export interface PlayerState {
  playerId: string;
  x: number;
  y: number;
  score: number;
  /** The last `Input.seq` of this player the room applied (0 before any). */
  ackSeq: number;
  rttMs: number;
  /** The connection is gone and the seat held. */
  away: boolean;
}

/** `Snapshot`: the arena's state, every tick. */
export interface Snapshot {
  roomId: string;
  tick: number;
  /** Unix milliseconds. */
  serverTime: number;
  phase: 'playing' | 'results';
  remainingMs: number;
  players: PlayerState[];
  /** Only the orbs that moved this tick (often empty or absent). */
  orbs?: Orb[];
}

/** `Input` (client to server): a steering direction that holds until the next one. */
export interface InputMessage {
  /** An integer greater than the last one sent. */
  seq: number;
  /** In [-1, 1]. */
  dx: number;
  /** In [-1, 1]. */
  dy: number;
}

/** `Chat` (client to server): 1 to 200 characters after trimming. */
export interface ChatRequest {
  text: string;
}

/** `Chat` (server to client): a line of a member. */
export interface ChatLine {
  playerId: string;
  name: string;
  text: string;
  /** Unix milliseconds. */
  serverTime: number;
}

/** A player's score in a finished round. */
export interface RoundResult {
  playerId: string;
  name: string;
  score: number;
}

/** The arena's round events. */
export type RoundEvent =
  | { type: 'round_started'; playerId?: undefined; name?: undefined; results?: undefined }
  | { type: 'round_ended'; results: RoundResult[]; playerId?: undefined; name?: undefined };

/** The arena's `RoomEvent`s: seats and rounds. */
export type ArenaRoomEvent = HostRoomEvent | RoundEvent;

/** The arena's fields of the join result. */
export interface ArenaJoin {
  /** Every orb of the world. */
  orbs: Orb[];
  snapshot: Snapshot;
  /** The server's geometry (absent from a server older than modes). */
  arena?: ArenaGeometry;
}

/** The arena's message map. */
export interface ArenaMode {
  send: { Input: InputMessage; Chat: ChatRequest };
  receive: { Chat: ChatLine; RoomEvent: ArenaRoomEvent };
  state: Snapshot;
  join: ArenaJoin;
  errors: 'invalid_input' | 'invalid_chat';
}

/** The arena's defaults; a server's own geometry comes in the join result. */
export const ArenaDefaults: Readonly<ArenaGeometry & {
  capacity: number;
  roundMs: number;
  resultsMs: number;
  seatHoldMs: number;
  /** @deprecated use `worldWidth` and `worldHeight` */
  worldSize: number;
  /** @deprecated use `playerSpeed` */
  speed: number;
}>;

/** Round phases of a snapshot. */
export const RoomPhases: Readonly<{ playing: 'playing'; results: 'results' }>;

/** Kinds of `RoomEvent`. */
export const RoomEventTypes: Readonly<{
  playerJoined: 'player_joined'; playerLeft: 'player_left'; roundStarted: 'round_started'; roundEnded: 'round_ended';
}>;
