/**
 * Everything around the canvas: banner, round timer, scoreboard, results, chat.
 * @module hud
 */
import { byId, colorFor, el, formatClock, replaceChildren } from './dom.js';

const CLOSING_TEXT = {
  server_shutdown: 'The server is restarting. Reconnecting…',
  ping_timeout: 'The connection went quiet. Reconnecting…',
  flood: 'Disconnected: too many messages were sent.',
  duplicate_session: 'You are playing in another tab or device, so this one was disconnected.',
  kicked: 'You were removed from the game.',
};

const ERROR_TEXT = {
  room_full: 'That room is full.',
  room_not_found: 'No room has that code (it may have closed).',
  invalid_room_id: 'A room code is 6 letters or digits.',
  already_in_room: 'You are already in a room.',
  rate_limited: 'Slow down a little.',
  invalid_chat: 'Chat messages are 1 to 200 characters.',
  room_in_progress: 'That room is in the middle of a game and takes no new players right now.',
  room_failed: 'That room stopped working and was closed. Pick another one.',
  unknown_mode: 'This server does not run that game.',
  message_too_large: 'That message is too long.',
  not_your_turn: 'It is not your turn.',
  column_full: 'That column is full: pick another one.',
  not_playing: 'You are not playing in this game.',
  invalid_name: 'Names are 1 to 20 letters, digits, spaces, - or _.',
  unauthorized: 'Your session expired. Please enter your name again.',
  network: 'Cannot reach the server.',
};

let bannerTimer = 0;

/**
 * Shows the banner.
 * @param {string} text
 * @param {{ kind?: 'error' | 'info', sticky?: boolean }} [options]
 */
export function showBanner(text, { kind = 'error', sticky = false } = {}) {
  const banner = byId('banner');
  byId('banner-text').textContent = text;
  banner.className = `banner ${kind}`;
  banner.hidden = false;
  clearTimeout(bannerTimer);
  if (!sticky) bannerTimer = setTimeout(hideBanner, 6000);
}

/** Hides the banner. */
export function hideBanner() {
  byId('banner').hidden = true;
}

/**
 * Banner text for an error with a code.
 * @param {{ code?: string, message?: string }} error
 * @returns {string}
 */
export function describeError(error) {
  const known = ERROR_TEXT[error?.code];
  return known ? `${known} (${error.code})` : `${error?.message || 'Something went wrong'} (${error?.code ?? 'error'})`;
}

/**
 * Banner text for a `Closing` reason.
 * @param {{ reason: string, message?: string }} closing
 * @returns {string}
 */
export function describeClosing(closing) {
  return CLOSING_TEXT[closing?.reason] ?? `Disconnected: ${closing?.message || closing?.reason}`;
}

/**
 * Updates the round timer.
 * @param {number} remainingMs
 * @param {string} phase
 */
export function renderTimer(remainingMs, phase) {
  const timer = byId('round-timer');
  timer.textContent = phase === 'results' ? 'Round over' : formatClock(remainingMs);
  timer.classList.toggle('low', phase === 'playing' && remainingMs <= 10_000);
}

/**
 * Redraws the scoreboard, best first.
 * @param {import('../sdk/room.js').RoomModel} room
 */
export function renderScoreboard(room) {
  const rows = [...room.roster.keys()]
    .map((playerId) => ({ playerId, name: room.nameOf(playerId), state: room.players.get(playerId) }))
    .sort((a, b) => (b.state?.score ?? 0) - (a.state?.score ?? 0) || a.name.localeCompare(b.name))
    .map(({ playerId, name, state }) => el('tr', { className: [playerId === room.playerId ? 'me' : '', state?.away ? 'away' : ''].join(' ').trim() },
      el('td', {}, el('span', { className: 'swatch', style: { background: colorFor(playerId) } })),
      el('td', {}, name, state?.away ? ' (away)' : ''),
      el('td', {}, String(state?.score ?? 0)),
      el('td', { className: 'ping' }, state ? `${state.rttMs} ms` : '–')));
  replaceChildren(byId('scoreboard-body'), rows);
}

/**
 * Shows or hides the results overlay.
 * @param {import('../sdk/room.js').RoomModel} room
 */
export function renderResults(room) {
  const overlay = byId('results');
  const show = room.phase === 'results';
  overlay.hidden = !show;
  if (!show) return;
  const results = room.lastResults ?? [...room.players.values()]
    .map((p) => ({ playerId: p.playerId, name: room.nameOf(p.playerId), score: p.score }))
    .sort((a, b) => b.score - a.score);
  const winner = results[0];
  const decided = winner && results.length >= 2 && winner.score > (results[1]?.score ?? 0);
  byId('results-title').textContent = !decided
    ? 'Round over'
    : (winner.playerId === room.playerId ? 'You win the round!' : `${winner.name} wins the round`);
  byId('results-countdown').textContent = String(Math.max(0, Math.ceil(room.remainingMs / 1000)));
  replaceChildren(byId('results-list'), results.map((result) => el('li', { className: result.playerId === room.playerId ? 'me' : '' },
    el('span', { className: 'swatch', style: { background: colorFor(result.playerId), marginRight: '.5rem' } }),
    result.name,
    el('span', { className: 'pts' }, `${result.score}`))));
}

/**
 * Appends a chat line (or a system line when `name` is null).
 * @param {{ playerId?: string, name?: string | null, text: string }} line
 */
export function addChatLine({ playerId, name, text }) {
  const log = byId('chat-log');
  const item = name
    ? el('li', {}, el('span', { className: 'who', style: { color: colorFor(playerId ?? name) } }, name), text)
    : el('li', { className: 'sys' }, text);
  log.append(item);
  while (log.children.length > 80) log.firstElementChild.remove();
  log.scrollTop = log.scrollHeight;
}

/** Empties the chat log. */
export function clearChat() {
  replaceChildren(byId('chat-log'), []);
}
