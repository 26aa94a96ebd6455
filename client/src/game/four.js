/**
 * The Four in a Row screen: the board, whose turn it is with the turn's countdown, the players, the rematch button
 * and the spectator label, drawn from the room's `State` (docs/protocol.md, "Four in a Row").
 * @module four
 */
import { byId, el, formatClock, replaceChildren } from './dom.js';

/** The mode's name on the server. */
export const FOUR_MODE = 'four-in-a-row';

/** The mode's message types. */
export const FourMessages = Object.freeze({ drop: 'Drop', rematch: 'Rematch' });

const COLUMNS = 7;
const ROWS = 6;

/**
 * Builds the empty board once: 6 rows of 7 cells, row 0 at the top; a click anywhere in a column drops there.
 * @param {(column: number) => void} onColumn
 */
export function buildBoard(onColumn) {
  const board = byId('four-board');
  const cells = [];
  for (let row = 0; row < ROWS; row += 1) {
    for (let column = 0; column < COLUMNS; column += 1) {
      cells.push(el('div', { className: 'cell', dataset: { column: String(column), row: String(row) } }, el('span', { className: 'disc' })));
    }
  }
  replaceChildren(board, cells);
  board.addEventListener('click', (event) => {
    const cell = event.target instanceof Element ? event.target.closest('[data-column]') : null;
    if (cell) onColumn(Number(cell.dataset.column));
  });
}

/**
 * Whether `playerId` may drop a disc now.
 * @param {object | null} state the room's state
 * @param {string} playerId
 */
export function myTurn(state, playerId) {
  return Boolean(state && state.phase === 'playing' && state.turn === playerId);
}

function nameOf(state, playerId) {
  return state.players.find((p) => p.id === playerId)?.name ?? 'A player';
}

/**
 * The line under the board: whose turn it is, or how the game ended.
 * @param {object} state
 * @param {string} me
 * @returns {string}
 */
export function statusText(state, me) {
  const seated = state.players.some((p) => p.id === me);
  if (state.phase === 'waiting') return seated ? 'Waiting for an opponent…' : 'Waiting for a second player…';
  if (state.phase === 'playing') {
    if (state.turn === me) return 'Your turn: click a column';
    return `${nameOf(state, state.turn)}'s turn`;
  }
  const winner = state.winner === me ? 'You win' : state.winner ? `${nameOf(state, state.winner)} wins` : '';
  const loser = state.players.find((p) => p.id !== state.winner)?.name ?? 'The other player';
  switch (state.outcome) {
    case 'draw': return 'A draw: the board is full.';
    case 'timeout': return `${state.winner === me ? 'Your opponent' : loser} ran out of time. ${winner}!`;
    case 'forfeit': return `${state.winner === me ? 'Your opponent' : loser} left. ${winner}!`;
    default: return `${winner}!`;
  }
}

/**
 * Redraws the screen from a state.
 * @param {object} state the room's state
 * @param {string} me the local player's id
 */
export function renderFour(state, me) {
  const line = new Set((state.winLine ?? []).map((cell) => `${cell.column}:${cell.row}`));
  const last = state.lastMove ? `${state.lastMove.column}:${state.lastMove.row}` : null;
  const playable = myTurn(state, me);
  for (const cell of byId('four-board').children) {
    const { column, row } = cell.dataset;
    const disc = state.board[Number(row)]?.[Number(column)] ?? 0;
    const key = `${column}:${row}`;
    cell.className = `cell d${disc}${line.has(key) ? ' win' : ''}${key === last ? ' last' : ''}`;
  }
  byId('four-board').classList.toggle('playable', playable);
  byId('four-status').textContent = statusText(state, me);

  const seated = state.players.find((p) => p.id === me);
  byId('four-spectator').hidden = Boolean(seated);
  byId('four-watchers').textContent = state.spectators === 1 ? '1 watching' : `${state.spectators} watching`;
  replaceChildren(byId('four-players'), state.players.map((player) => el('li', { className: [player.id === me ? 'me' : '', player.away ? 'away' : '', state.turn === player.id ? 'turn' : ''].join(' ').trim() },
    el('span', { className: `chip d${player.disc}` }),
    el('span', { className: 'who' }, player.name, player.id === me ? ' (you)' : '', player.away ? ' (away)' : ''),
    el('span', { className: 'wins', title: 'games won in this room' }, `${player.wins} ${player.wins === 1 ? 'win' : 'wins'}`))));

  const rematch = byId('four-rematch');
  rematch.hidden = !(seated && state.phase === 'over' && state.players.length === 2);
  const asked = state.rematch.includes(me);
  const other = state.rematch.some((id) => id !== me);
  rematch.disabled = asked;
  rematch.textContent = asked ? 'Waiting for your opponent…' : other ? 'Rematch (your opponent is ready)' : 'Rematch';
}

/**
 * Updates the turn's countdown.
 * @param {object | null} state
 * @param {number} serverNow the server's clock now, in Unix milliseconds
 */
export function renderFourClock(state, serverNow) {
  const clock = byId('four-clock');
  const running = Boolean(state && state.phase === 'playing' && state.turnEndsAt);
  clock.hidden = !running;
  if (!running) return;
  const remaining = Math.max(0, state.turnEndsAt - serverNow);
  clock.textContent = formatClock(remaining);
  clock.classList.toggle('low', remaining <= 5000);
}
