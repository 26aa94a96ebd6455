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

/**
 * A stable, pleasant colour for a player id.
 * @param {string} playerId
 * @returns {string} an `hsl(...)` colour
 */
export function colorFor(playerId) {
  let hash = 2166136261;
  for (let i = 0; i < playerId.length; i += 1) {
    hash ^= playerId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  const hue = (hash >>> 0) % 360;
  return `hsl(${hue} 85% 62%)`;
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
