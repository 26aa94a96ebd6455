/**
 * Tiny DOM helpers; text is always set as text, never parsed as HTML.
 * @module dom
 */

/**
 * The element with that id (throws when the page lacks it, which is a bug).
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element;
}

/**
 * Creates an element with properties and children (strings become text nodes).
 * @param {string} tag
 * @param {Record<string, any>} [props] `className`, `title`, `style`, `dataset`, event handlers `onclick`, ...
 * @param {...(Node | string | number | null | undefined)} children
 * @returns {HTMLElement}
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'style' && typeof value === 'object') Object.assign(element.style, value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else element[key] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * Replaces an element's children.
 * @param {HTMLElement} parent
 * @param {Iterable<Node>} children
 */
export function replaceChildren(parent, children) {
  parent.replaceChildren(...children);
}

const PALETTE = ['#4cc9f0', '#f72585', '#b5e48c', '#ffb703', '#9b5de5', '#ff7b54', '#2ec4b6', '#f15bb5', '#e9ff70', '#a0c4ff'];

function hashOf(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

const assigned = new Map();

/**
 * A distinct colour for each player present: a player keeps the colour it got while it stays, and players
 * present at the same time never share one (up to the palette's size).
 * @param {string} playerId
 * @returns {string}
 */
export function colorFor(playerId) {
  let slot = assigned.get(playerId);
  if (slot === undefined) {
    const taken = new Set(assigned.values());
    slot = hashOf(playerId) % PALETTE.length;
    for (let i = 0; i < PALETTE.length && taken.has(slot); i += 1) slot = (slot + 1) % PALETTE.length;
    assigned.set(playerId, slot);
  }
  return PALETTE[slot];
}

/**
 * Frees the colours of players who are gone.
 * @param {Iterable<string>} present the player ids still present
 */
export function releaseColors(present) {
  const keep = new Set(present);
  for (const playerId of [...assigned.keys()]) if (!keep.has(playerId)) assigned.delete(playerId);
}

/**
 * Formats milliseconds as m:ss.
 * @param {number} ms
 * @returns {string}
 */
export function formatClock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
