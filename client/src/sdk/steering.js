/**
 * Small geometry helpers shared by the bot and the game page.
 * @module steering
 */

/**
 * The unit direction from one point to another, or zero when they (nearly) coincide.
 * @param {{x: number, y: number}} from
 * @param {{x: number, y: number}} to
 * @param {number} [deadZone] distance below which the direction is zero
 * @returns {{dx: number, dy: number}}
 */
export function directionTo(from, to, deadZone = 1) {
  const ddx = to.x - from.x;
  const ddy = to.y - from.y;
  const length = Math.hypot(ddx, ddy);
  if (length < deadZone) return { dx: 0, dy: 0 };
  return { dx: round3(ddx / length), dy: round3(ddy / length) };
}

/**
 * Whether two directions differ enough to be worth a new input (about 3 degrees or a start/stop).
 * @param {{dx: number, dy: number}} a
 * @param {{dx: number, dy: number}} b
 * @returns {boolean}
 */
export function directionChanged(a, b) {
  return Math.hypot(a.dx - b.dx, a.dy - b.dy) > 0.05;
}

/**
 * The nearest item to a point.
 * @template {{x: number, y: number}} T
 * @param {{x: number, y: number}} point
 * @param {Iterable<T>} items
 * @returns {T | undefined}
 */
export function nearest(point, items) {
  let best;
  let bestDistance = Infinity;
  for (const item of items) {
    const distance = (item.x - point.x) ** 2 + (item.y - point.y) ** 2;
    if (distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

function round3(value) {
  return Math.round(value * 1000) / 1000;
}
