/**
 * Draws the arena on a canvas: the room's world (1000 x 1000 by default) scaled to fit and centred, orbs,
 * players, names, effects.
 * @module render
 */
import { colorFor } from './dom.js';

/** Canvas renderer for one arena. */
export class Renderer {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {{ worldWidth: number, worldHeight: number, playerRadius: number, orbRadius: number }} arena the geometry to draw
   */
  constructor(canvas, arena) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.arena = arena;
    this.scale = 1;
    /** where the world's origin sits on the canvas, in backing-store pixels (the world is centred) */
    this.offset = { x: 0, y: 0 };
    this.pixelRatio = 1;
    /** @type {Array<{x: number, y: number, born: number, color: string}>} */
    this.effects = [];
    this.#grid = null;
  }

  #grid;

  /**
   * Draws another room's geometry from now on.
   * @param {{ worldWidth: number, worldHeight: number, playerRadius: number, orbRadius: number }} arena
   */
  setArena(arena) {
    const { worldWidth, worldHeight, playerRadius, orbRadius } = this.arena;
    if (arena.worldWidth === worldWidth && arena.worldHeight === worldHeight
      && arena.playerRadius === playerRadius && arena.orbRadius === orbRadius) return;
    this.arena = arena;
    this.#grid = null;
    this.resize();
  }

  /** Matches the backing store to the element's size and the device pixel ratio. */
  resize() {
    const rect = this.canvas.getBoundingClientRect();
    const ratio = Math.min(globalThis.devicePixelRatio || 1, 2);
    const width = Math.max(1, Math.round(rect.width * ratio));
    const height = Math.max(1, Math.round(rect.height * ratio));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
      this.#grid = null;
    }
    this.pixelRatio = ratio;
    const { worldWidth, worldHeight } = this.arena;
    const scale = Math.min(width / worldWidth, height / worldHeight);
    const offset = { x: (width - worldWidth * scale) / 2, y: (height - worldHeight * scale) / 2 };
    if (scale !== this.scale || offset.x !== this.offset.x || offset.y !== this.offset.y) this.#grid = null;
    this.scale = scale;
    this.offset = offset;
  }

  /**
   * Converts a point in CSS pixels relative to the canvas to world coordinates.
   * @param {number} cssX
   * @param {number} cssY
   * @returns {{x: number, y: number}}
   */
  toWorld(cssX, cssY) {
    return {
      x: (cssX * this.pixelRatio - this.offset.x) / this.scale,
      y: (cssY * this.pixelRatio - this.offset.y) / this.scale,
    };
  }

  /**
   * Adds a short "pop" where an orb was collected.
   * @param {number} x
   * @param {number} y
   * @param {number} now
   */
  pop(x, y, now) {
    this.effects.push({ x, y, born: now, color: '#ffd23f' });
    if (this.effects.length > 40) this.effects.shift();
  }

  /**
   * Draws one frame.
   * @param {{ now: number, orbs: Iterable<{id: number, x: number, y: number}>,
   *   players: Array<{ playerId: string, name: string, x: number, y: number, score: number, away: boolean, me: boolean }> }} frame
   */
  draw({ now, orbs, players }) {
    const ctx = this.context;
    const s = this.scale;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.#background(), 0, 0);
    ctx.setTransform(s, 0, 0, s, this.offset.x, this.offset.y);

    const pulse = 1 + Math.sin(now / 260) * 0.12;
    for (const orb of orbs) this.#orb(orb, pulse);

    this.effects = this.effects.filter((effect) => now - effect.born < 450);
    for (const effect of this.effects) {
      const t = (now - effect.born) / 450;
      ctx.strokeStyle = `rgba(255, 210, 63, ${1 - t})`;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(effect.x, effect.y, this.arena.orbRadius + t * 26, 0, Math.PI * 2);
      ctx.stroke();
    }

    const ordered = [...players].sort((a, b) => Number(a.me) - Number(b.me));
    for (const player of ordered) this.#player(player);
  }

  #orb(orb, pulse) {
    const ctx = this.context;
    const r = this.arena.orbRadius;
    ctx.fillStyle = 'rgba(255, 210, 63, 0.16)';
    ctx.beginPath();
    ctx.arc(orb.x, orb.y, r * 2.1 * pulse, 0, Math.PI * 2);
    ctx.fill();
    const gradient = ctx.createRadialGradient(orb.x - r * 0.35, orb.y - r * 0.4, 1, orb.x, orb.y, r);
    gradient.addColorStop(0, '#fff7c2');
    gradient.addColorStop(0.55, '#ffd23f');
    gradient.addColorStop(1, '#ff8a3d');
    ctx.fillStyle = gradient;
    ctx.beginPath();
    ctx.arc(orb.x, orb.y, r, 0, Math.PI * 2);
    ctx.fill();
  }

  #player(player) {
    const ctx = this.context;
    const r = this.arena.playerRadius;
    const color = colorFor(player.playerId);
    ctx.globalAlpha = player.away ? 0.4 : 1;

    ctx.fillStyle = 'rgba(0, 0, 0, 0.35)';
    ctx.beginPath();
    ctx.arc(player.x + 3, player.y + 5, r, 0, Math.PI * 2);
    ctx.fill();

    const gradient = this.context.createRadialGradient(player.x - r * 0.4, player.y - r * 0.45, 2, player.x, player.y, r);
    gradient.addColorStop(0, '#ffffff');
    gradient.addColorStop(0.25, color);
    gradient.addColorStop(1, color);
    ctx.fillStyle = gradient;
    ctx.beginPath();
    ctx.arc(player.x, player.y, r, 0, Math.PI * 2);
    ctx.fill();

    ctx.lineWidth = player.me ? 4 : 2;
    ctx.strokeStyle = player.me ? '#ffffff' : 'rgba(11, 16, 32, 0.85)';
    ctx.stroke();

    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    // Text is sized in world units: keep it at least ~11 CSS pixels tall on small screens.
    const text = Math.max(18, (11 * this.pixelRatio) / this.scale);
    ctx.font = `700 ${Math.min(text, r * 0.95)}px system-ui, sans-serif`;
    ctx.fillStyle = '#0b1020';
    ctx.fillText(String(player.score), player.x, player.y + 1);

    const label = player.away ? `${player.name} (away)` : player.name;
    ctx.font = `${player.me ? 700 : 600} ${text}px system-ui, sans-serif`;
    ctx.lineWidth = text / 4;
    ctx.strokeStyle = 'rgba(11, 16, 32, 0.9)';
    const labelY = player.y - r - text * 0.8;
    ctx.strokeText(label, player.x, labelY);
    ctx.fillStyle = player.me ? '#ffffff' : color;
    ctx.fillText(label, player.x, labelY);
    ctx.globalAlpha = 1;
  }

  // The floor and grid never change: draw them once per size into an offscreen canvas.
  #background() {
    if (this.#grid) return this.#grid;
    const grid = document.createElement('canvas');
    grid.width = this.canvas.width;
    grid.height = this.canvas.height;
    const ctx = grid.getContext('2d');
    const s = this.scale;
    const { worldWidth: width, worldHeight: height } = this.arena;
    ctx.fillStyle = '#060914';
    ctx.fillRect(0, 0, grid.width, grid.height);
    ctx.setTransform(s, 0, 0, s, this.offset.x, this.offset.y);
    const glow = ctx.createRadialGradient(width / 2, height / 2, 50, width / 2, height / 2, Math.max(width, height) * 0.75);
    glow.addColorStop(0, '#16204a');
    glow.addColorStop(1, '#0a0f22');
    ctx.fillStyle = glow;
    ctx.fillRect(0, 0, width, height);
    ctx.lineWidth = 1 / s;
    // A line every 50 units and a brighter one every 250; coarser for a huge world, to keep the count sane.
    let step = 50;
    while (Math.max(width, height) / step > 200) step *= 5;
    const line = (v) => (v % (step * 5) === 0 ? 'rgba(120, 140, 220, 0.22)' : 'rgba(120, 140, 220, 0.09)');
    for (let x = 0; x <= width; x += step) {
      ctx.strokeStyle = line(x);
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, height);
      ctx.stroke();
    }
    for (let y = 0; y <= height; y += step) {
      ctx.strokeStyle = line(y);
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.lineTo(width, y);
      ctx.stroke();
    }
    ctx.lineWidth = 6;
    ctx.strokeStyle = 'rgba(62, 230, 196, 0.55)';
    ctx.strokeRect(3, 3, width - 6, height - 6);
    this.#grid = grid;
    return grid;
  }
}
