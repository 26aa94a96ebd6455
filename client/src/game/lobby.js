/**
 * The lobby's lists: the games, public rooms and the leaderboard.
 * @module lobby
 */
import { byId, el, replaceChildren } from './dom.js';

/**
 * Draws the mode picker: one button per game the server runs and this page can show.
 * @param {Array<{ name: string, label: string }>} modes
 * @param {string} selected the mode the lobby plays
 * @param {(mode: string) => void} onPick
 */
export function renderModes(modes, selected, onPick) {
  replaceChildren(byId('mode-picker'), modes.map((mode) => el('button', {
    className: 'btn btn-small', type: 'button', dataset: { mode: mode.name }, onclick: () => onPick(mode.name),
  }, mode.label)));
  for (const button of byId('mode-picker').children) button.setAttribute('aria-pressed', String(button.dataset.mode === selected));
  byId('mode-picker').hidden = modes.length < 2;
}

/**
 * Draws the public rooms list.
 * @param {Array<{ roomId: string, players: number, capacity: number, phase: string, joinable?: boolean }>} rooms
 * @param {(roomId: string) => void} onJoin
 * @param {{ watchFrom?: number }} [options] from how many members a room is joined to watch (a two-player game's 2)
 */
export function renderRooms(rooms, onJoin, { watchFrom = Infinity } = {}) {
  const sorted = [...rooms].sort((a, b) => b.players - a.players || a.roomId.localeCompare(b.roomId));
  replaceChildren(byId('rooms-list'), sorted.map((room) => {
    const full = room.players >= room.capacity;
    // `joinable` is false while a mode that takes nobody mid-game plays one (absent from older servers).
    const closed = full || room.joinable === false;
    return el('li', {},
      el('code', {}, room.roomId),
      el('span', { className: 'fill', title: `${room.players} of ${room.capacity} seats` },
        el('span', { style: { width: `${Math.min(100, (room.players / room.capacity) * 100)}%` } })),
      el('span', { className: 'muted small' }, `${room.players}/${room.capacity}`),
      el('button', { className: 'btn btn-small', type: 'button', disabled: closed, onclick: () => onJoin(room.roomId) }, full ? 'Full' : closed ? 'Playing' : room.players >= watchFrom ? 'Watch' : 'Join'));
  }));
  byId('rooms-empty').hidden = rooms.length > 0;
}

/**
 * Draws the leaderboard.
 * @param {Array<{ playerId: string, name: string, bestScore: number, wins: number, gamesPlayed: number }>} rows
 * @param {string | undefined} myId
 */
export function renderLeaderboard(rows, myId) {
  replaceChildren(byId('leaderboard-body'), rows.map((row, index) => el('tr', { className: row.playerId === myId ? 'me' : '' },
    el('td', {}, String(index + 1)),
    el('td', {}, row.name),
    el('td', {}, String(row.bestScore)),
    el('td', {}, String(row.wins)),
    el('td', {}, String(row.gamesPlayed)))));
  byId('leaderboard-empty').hidden = rows.length > 0;
}
