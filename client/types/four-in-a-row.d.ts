// Four in a Row, the mode named `four-in-a-row`: two players drop discs into a 7-column, 6-row board in turns.

import type { HostRoomEvent } from './protocol.js';

/** A cell: 0 empty, 1 or 2 the disc of that player. */
export type Disc = 0 | 1 | 2;

/** `Drop` (client to server): drops the player's disc into a column, on the player's turn. */
export interface DropMessage {
  /** 0 (left) to 6. */
  column: number;
}

/** `Rematch` (client to server): asks for another game once one is over; it starts when both asked. */
export type RematchMessage = Record<string, never>;

/** A player of the game. */
export interface FourInARowPlayer {
  id: string;
  name: string;
  disc: 1 | 2;
  /** The connection is gone and the seat held. */
  away: boolean;
  /** Games won in this room. */
  wins: number;
}

/** A cell of the board. */
export interface Cell {
  column: number;
  row: number;
}

/** The game's `State`, after every tick. */
export interface FourInARowState {
  /** 6 rows of 7 cells, row 0 at the top. */
  board: Disc[][];
  players: FourInARowPlayer[];
  /** Members watching, beyond the two players. */
  spectators: number;
  phase: 'waiting' | 'playing' | 'over';
  /** The id of the player whose turn it is, or null. */
  turn: string | null;
  /** Unix milliseconds when the turn runs out, or null. */
  turnEndsAt: number | null;
  /** Discs dropped in this game. */
  moves: number;
  lastMove: (Cell & { disc: 1 | 2 }) | null;
  /** The winner's id, or null. */
  winner: string | null;
  outcome: 'win' | 'draw' | 'timeout' | 'forfeit' | null;
  /** The four (or more) cells in a row of a win, or null. */
  winLine: Cell[] | null;
  /** The ids of the players who asked for a rematch. */
  rematch: string[];
}

/** Four in a Row's message map. */
export interface FourInARowMode {
  send: { Drop: DropMessage; Rematch: RematchMessage };
  receive: { RoomEvent: HostRoomEvent };
  state: FourInARowState;
  /** The board as it stands when the seat is taken or resumed. */
  join: { state: FourInARowState };
  errors: 'not_your_turn' | 'column_full' | 'not_playing' | 'invalid_argument';
}
