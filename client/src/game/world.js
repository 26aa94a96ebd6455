/**
 * What the arena shows at a given moment: other players interpolated between snapshots, the own player
 * predicted from local input and reconciled with the server's position and `ackSeq`.
 * Pure logic (no DOM), so it can be tested in Node.
 * @module world
 */
import { RoomPhases } from '../sdk/protocol.js';
import { arenaGeometry } from '../sdk/room.js';

/** How far behind the newest snapshot others are drawn, so there are two snapshots to blend. */
export const INTERPOLATION_DELAY_MS = 100;
/** A prediction error larger than this is snapped instead of smoothed. */
const SNAP_DISTANCE = 120;
/** Fraction of the prediction error corrected per snapshot. */
const CORRECTION = 0.2;
const MAX_BUFFER = 40;

/** The client's view of the arena for drawing. */
export class World {
  /**
   * @param {{ playerId: string, arena?: Partial<import('../sdk/room.js').ArenaGeometry> | null }} options `arena`: the
   *   room's geometry (the server's world size, radius, speed and tick); the defaults for what it lacks
   */
  constructor({ playerId, arena = null }) {
    this.playerId = playerId;
    /** @type {Readonly<import('../sdk/room.js').ArenaGeometry>} what prediction moves and clamps with */
    this.arena = arenaGeometry(arena);
    /** @type {Array<{ serverTime: number, players: Map<string, object> }>} */
    this.buffer = [];
    /** local clock minus server clock, estimated from arrivals (the fastest arrival bounds it best) */
    this.clockOffset = null;
    /** @type {{x: number, y: number} | null} the own predicted position */
    this.predicted = null;
    /** @type {{dx: number, dy: number}} the own current direction */
    this.direction = { dx: 0, dy: 0 };
    /** @type {Array<{ seq: number, time: number, dx: number, dy: number }>} inputs sent, oldest first */
    this.inputs = [];
    this.ackSeq = 0;
    this.lastError = 0;
    this.phase = RoomPhases.playing;
  }

  /**
   * Records a snapshot and reconciles the own prediction with it.
   * @param {object} snapshot a `Snapshot` payload
   * @param {number} now the local time of arrival (ms, same clock as {@link World#step})
   */
  onSnapshot(snapshot, now) {
    const sample = now - snapshot.serverTime;
    if (this.clockOffset === null || sample < this.clockOffset) this.clockOffset = sample;
    else this.clockOffset += (sample - this.clockOffset) * 0.02;

    const players = new Map((snapshot.players ?? []).map((p) => [p.playerId, p]));
    const last = this.buffer.at(-1);
    if (!last || snapshot.serverTime >= last.serverTime) {
      this.buffer.push({ serverTime: snapshot.serverTime, players });
      if (this.buffer.length > MAX_BUFFER) this.buffer.shift();
    }
    this.phase = snapshot.phase;
    const me = players.get(this.playerId);
    if (me) this.#reconcile(me, now);
  }

  /**
   * Records an input the client sent, and steers the prediction with it at once.
   * @param {number} seq
   * @param {number} dx
   * @param {number} dy
   * @param {number} now
   */
  onInput(seq, dx, dy, now) {
    this.inputs.push({ seq, time: now, dx, dy });
    this.direction = { dx, dy };
  }

  /**
   * Advances the own prediction by `dtMs`.
   * @param {number} dtMs
   */
  step(dtMs) {
    if (!this.predicted || this.phase !== RoomPhases.playing || this.#myLatest()?.away) return;
    const distance = (this.arena.playerSpeed * Math.min(dtMs, 100)) / 1000;
    this.predicted = this.#clamp({
      x: this.predicted.x + this.direction.dx * distance,
      y: this.predicted.y + this.direction.dy * distance,
    });
  }

  /**
   * Where to draw a player now: the prediction for the own player, interpolation for others.
   * @param {string} playerId
   * @param {number} now
   * @returns {{x: number, y: number} | null}
   */
  positionOf(playerId, now) {
    if (playerId === this.playerId && this.predicted) return this.predicted;
    if (this.buffer.length === 0) return null;
    const renderTime = now - (this.clockOffset ?? 0) - INTERPOLATION_DELAY_MS;
    let newer = null;
    for (let i = this.buffer.length - 1; i >= 0; i -= 1) {
      const frame = this.buffer[i];
      const state = frame.players.get(playerId);
      if (!state) continue;
      if (frame.serverTime <= renderTime) {
        if (!newer) return { x: state.x, y: state.y };
        const span = newer.serverTime - frame.serverTime;
        const t = span > 0 ? (renderTime - frame.serverTime) / span : 1;
        return { x: state.x + (newer.x - state.x) * t, y: state.y + (newer.y - state.y) * t };
      }
      newer = { serverTime: frame.serverTime, x: state.x, y: state.y };
    }
    return newer ? { x: newer.x, y: newer.y } : null;
  }

  /** Forgets everything (a new room or a resumed seat). */
  reset() {
    this.buffer = [];
    this.predicted = null;
    this.inputs = [];
    this.direction = { dx: 0, dy: 0 };
    this.ackSeq = 0;
  }

  #myLatest() {
    return this.buffer.at(-1)?.players.get(this.playerId);
  }

  // The server has applied inputs up to ackSeq; what it shows lags the present by about one round trip
  // (plus half a tick of waiting for the next tick). The estimate of "now" is the server position moved
  // along the directions this client had during that window; the window never reaches back before the
  // acknowledged input nor forward past the first unacknowledged one.
  #reconcile(me, now) {
    this.ackSeq = Math.max(this.ackSeq, me.ackSeq ?? 0);
    if (me.away || this.phase !== RoomPhases.playing) {
      this.predicted = { x: me.x, y: me.y };
      return;
    }
    const acked = this.inputs.filter((input) => input.seq <= this.ackSeq).at(-1);
    const firstPending = this.inputs.find((input) => input.seq > this.ackSeq);
    const rtt = Math.max(0, me.rttMs ?? 0);
    let windowStart = now - rtt - this.arena.tickMs / 2;
    if (acked) windowStart = Math.max(windowStart, acked.time);
    if (firstPending) windowStart = Math.min(windowStart, firstPending.time);
    const travelled = this.#travel(windowStart, now, acked);
    const estimate = this.#clamp({ x: me.x + travelled.x, y: me.y + travelled.y });

    // Keep the acknowledged input (it is the direction in force on the server) and what follows it.
    const keepFrom = acked ? this.inputs.indexOf(acked) : 0;
    if (keepFrom > 0) this.inputs.splice(0, keepFrom);

    if (!this.predicted) {
      this.predicted = estimate;
      this.lastError = 0;
      return;
    }
    const ex = estimate.x - this.predicted.x;
    const ey = estimate.y - this.predicted.y;
    this.lastError = Math.hypot(ex, ey);
    this.predicted = this.lastError > SNAP_DISTANCE
      ? estimate
      : { x: this.predicted.x + ex * CORRECTION, y: this.predicted.y + ey * CORRECTION };
  }

  #travel(from, to, acked) {
    let x = 0;
    let y = 0;
    let direction = acked ?? { dx: 0, dy: 0 };
    let cursor = from;
    for (const input of this.inputs) {
      if (input.time <= from) {
        direction = input;
        continue;
      }
      if (input.time >= to) break;
      x += direction.dx * (input.time - cursor);
      y += direction.dy * (input.time - cursor);
      cursor = input.time;
      direction = input;
    }
    x += direction.dx * (to - cursor);
    y += direction.dy * (to - cursor);
    const scale = this.arena.playerSpeed / 1000;
    return { x: x * scale, y: y * scale };
  }

  #clamp(point) {
    const { playerRadius: r, worldWidth, worldHeight } = this.arena;
    return {
      x: Math.min(worldWidth - r, Math.max(r, point.x)),
      y: Math.min(worldHeight - r, Math.max(r, point.y)),
    };
  }
}
