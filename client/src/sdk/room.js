/**
 * A client-side model of one room, kept current from JoinResult / RoomState, snapshots and room events.
 * @module room
 */
import { ArenaDefaults, ARENA_GEOMETRY_FIELDS, DEFAULT_MODE, RoomEventTypes, RoomPhases } from './protocol.js';

/**
 * The arena's geometry, as the `JoinResult`'s `arena` field carries it.
 * @typedef {object} ArenaGeometry
 * @property {number} worldWidth the world's width in units
 * @property {number} worldHeight the world's height in units
 * @property {number} playerRadius
 * @property {number} orbRadius
 * @property {number} playerSpeed units per second
 * @property {number} orbCount orbs in the world
 * @property {number} tickMs the simulation tick (one snapshot per tick)
 */

// A world needs a size and a tick; speed and orbs may be zero.
const MAY_BE_ZERO = new Set(['playerSpeed', 'orbCount']);

/**
 * The geometry to draw and predict with: each field the server sent (a finite number, positive where a zero makes
 * no world), else the default; the defaults alone for an absent `arena` (a server older than the field).
 * @param {Partial<ArenaGeometry> | null} [arena] the `JoinResult`'s `arena` object
 * @returns {Readonly<ArenaGeometry>}
 */
export function arenaGeometry(arena) {
  const geometry = {};
  for (const field of ARENA_GEOMETRY_FIELDS) {
    const value = arena?.[field];
    const usable = typeof value === 'number' && Number.isFinite(value) && (value > 0 || (value === 0 && MAY_BE_ZERO.has(field)));
    geometry[field] = usable ? value : ArenaDefaults[field];
  }
  return Object.freeze(geometry);
}

/**
 * The room as the client knows it: mode, roster (names), and for the arena its geometry, the full orb set
 * (snapshots carry only moved orbs), the latest players' states, phase and round clock.
 */
export class RoomModel {
  /**
   * @param {object} joinResult a `JoinResult` or `RoomState` payload
   */
  constructor(joinResult) {
    this.reset(joinResult);
  }

  /**
   * Replaces everything with a full state (a join result or a `RoomState` after a reconnect).
   * @param {object} state the `JoinResult` shape
   */
  reset(state) {
    /** @type {string} */
    this.roomId = state.roomId;
    /** @type {string} the local player's id */
    this.playerId = state.playerId;
    /** @type {number} */
    this.capacity = state.capacity;
    /** @type {boolean} */
    this.isPrivate = Boolean(state.isPrivate);
    /** @type {string} the room's mode; `arena` from a server older than modes (it runs nothing else) */
    this.mode = typeof state.mode === 'string' && state.mode ? state.mode : DEFAULT_MODE;
    /**
     * The arena's geometry from the join result ({@link arenaGeometry}: defaults for what it lacks), or null in a
     * room of another mode that sent none.
     * @type {Readonly<ArenaGeometry> | null}
     */
    this.arena = state.arena || this.mode === DEFAULT_MODE ? arenaGeometry(state.arena) : null;
    /** @type {Map<string, string>} player id to name */
    this.roster = new Map((state.roster ?? []).map((entry) => [entry.playerId, entry.name]));
    /** @type {Map<number, {id: number, x: number, y: number}>} */
    this.orbs = new Map();
    for (const orb of state.orbs ?? []) this.orbs.set(orb.id, { id: orb.id, x: orb.x, y: orb.y });
    /** @type {Map<string, object>} player id to its latest `PlayerState` */
    this.players = new Map();
    /** @type {Array<{id: number, from: {x: number, y: number} | null, to: {x: number, y: number}}>} orbs moved by the last snapshot */
    this.movedOrbs = [];
    /** @type {object | null} results of the last finished round, best first */
    this.lastResults = null;
    this.tick = -1;
    this.phase = RoomPhases.playing;
    this.remainingMs = 0;
    this.serverTime = 0;
    if (state.snapshot) this.applySnapshot(state.snapshot);
  }

  /**
   * Applies a tick's snapshot; ignores one of another room or an older tick.
   * @param {object} snapshot
   * @returns {boolean} whether it was applied
   */
  applySnapshot(snapshot) {
    if (snapshot.roomId !== this.roomId || snapshot.tick < this.tick) return false;
    this.tick = snapshot.tick;
    this.phase = snapshot.phase;
    this.remainingMs = snapshot.remainingMs;
    this.serverTime = snapshot.serverTime;
    this.players = new Map((snapshot.players ?? []).map((player) => [player.playerId, player]));
    this.movedOrbs = [];
    for (const orb of snapshot.orbs ?? []) {
      const before = this.orbs.get(orb.id);
      this.movedOrbs.push({ id: orb.id, from: before ? { x: before.x, y: before.y } : null, to: { x: orb.x, y: orb.y } });
      this.orbs.set(orb.id, { id: orb.id, x: orb.x, y: orb.y });
    }
    return true;
  }

  /**
   * Applies a `RoomEvent` (roster changes and round results).
   * @param {{type: string, playerId?: string, name?: string, results?: Array<object>}} event
   */
  applyEvent(event) {
    switch (event.type) {
      case RoomEventTypes.playerJoined:
        if (event.playerId) this.roster.set(event.playerId, event.name ?? event.playerId);
        break;
      case RoomEventTypes.playerLeft:
        if (event.playerId) {
          this.roster.delete(event.playerId);
          this.players.delete(event.playerId);
        }
        break;
      case RoomEventTypes.roundEnded:
        this.lastResults = event.results ?? [];
        break;
      case RoomEventTypes.roundStarted:
        this.lastResults = null;
        break;
      default:
        break;
    }
  }

  /**
   * A player's display name.
   * @param {string} playerId
   * @returns {string}
   */
  nameOf(playerId) {
    return this.roster.get(playerId) ?? 'player';
  }

  /** The local player's latest state, or undefined before the first snapshot that carries it. */
  get me() {
    return this.players.get(this.playerId);
  }
}
