/**
 * Steering from the keyboard (WASD / arrows) and from a pointer or finger held on the arena.
 * @module controls
 */
import { directionTo } from '../sdk/steering.js';

const KEYS = {
  KeyW: [0, -1], ArrowUp: [0, -1],
  KeyS: [0, 1], ArrowDown: [0, 1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0],
  KeyD: [1, 0], ArrowRight: [1, 0],
};

/** Collects the player's steering intent. */
export class Controls {
  #pressed = new Set();
  #pointer = null;
  #disposers = [];

  /**
   * @param {HTMLCanvasElement} canvas the arena (pointer steering)
   * @param {(cssX: number, cssY: number) => {x: number, y: number}} toWorld converts canvas CSS pixels to world
   * @param {() => void} onActivity called on any steering activity (hides the hint)
   */
  constructor(canvas, toWorld, onActivity = () => {}) {
    const typing = (event) => event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    this.#listen(window, 'keydown', (event) => {
      if (typing(event) || !(event.code in KEYS)) return;
      event.preventDefault();
      this.#pressed.add(event.code);
      onActivity();
    });
    this.#listen(window, 'keyup', (event) => this.#pressed.delete(event.code));
    this.#listen(window, 'blur', () => {
      this.#pressed.clear();
      this.#pointer = null;
    });
    const track = (event) => {
      const rect = canvas.getBoundingClientRect();
      this.#pointer = toWorld(event.clientX - rect.left, event.clientY - rect.top);
    };
    this.#listen(canvas, 'pointerdown', (event) => {
      canvas.setPointerCapture?.(event.pointerId);
      track(event);
      onActivity();
      event.preventDefault();
    });
    this.#listen(canvas, 'pointermove', (event) => {
      if (this.#pointer) track(event);
    });
    for (const end of ['pointerup', 'pointercancel', 'lostpointercapture']) {
      this.#listen(canvas, end, () => { this.#pointer = null; });
    }
  }

  #listen(target, type, handler) {
    target.addEventListener(type, handler, { passive: false });
    this.#disposers.push(() => target.removeEventListener(type, handler));
  }

  /**
   * The wanted direction: keys win over the pointer; a held pointer steers toward itself.
   * @param {{x: number, y: number} | null} self the own player's drawn position
   * @returns {{dx: number, dy: number}}
   */
  direction(self) {
    if (this.#pressed.size > 0) {
      let x = 0;
      let y = 0;
      for (const code of this.#pressed) {
        x += KEYS[code][0];
        y += KEYS[code][1];
      }
      const length = Math.hypot(x, y);
      return length === 0 ? { dx: 0, dy: 0 } : { dx: round3(x / length), dy: round3(y / length) };
    }
    if (this.#pointer && self) return directionTo(self, this.#pointer, 6);
    return { dx: 0, dy: 0 };
  }

  /** Stops listening. */
  dispose() {
    for (const dispose of this.#disposers) dispose();
    this.#disposers = [];
    this.#pressed.clear();
    this.#pointer = null;
  }
}

function round3(value) {
  return Math.round(value * 1000) / 1000;
}
