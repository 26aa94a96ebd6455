// The Four in a Row screen's words and turn rule, from states of the contract's shape (docs/protocol.md).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { myTurn, statusText } from '../src/game/four.js';

const players = [
  { id: 'ada', name: 'Ada', disc: 1, away: false, wins: 0 },
  { id: 'bob', name: 'Bob', disc: 2, away: false, wins: 0 },
];
const base = {
  board: Array.from({ length: 6 }, () => Array(7).fill(0)), players, spectators: 0, phase: 'playing', turn: 'ada',
  turnEndsAt: 1, moves: 0, lastMove: null, winner: null, outcome: null, winLine: null, rematch: [],
};

describe('four view', () => {
  test('myTurn_OnlyThePlayerToMoveWhilePlaying', () => {
    assert.equal(myTurn(base, 'ada'), true);
    assert.equal(myTurn(base, 'bob'), false);
    assert.equal(myTurn(base, 'cyd'), false);
    assert.equal(myTurn({ ...base, phase: 'over', turn: null }, 'ada'), false);
    assert.equal(myTurn(null, 'ada'), false);
  });

  test('statusText_EachPhaseAndOutcome_ReadsForPlayersAndSpectators', () => {
    assert.equal(statusText(base, 'ada'), 'Your turn: click a column');
    assert.equal(statusText(base, 'bob'), "Ada's turn");
    assert.equal(statusText(base, 'cyd'), "Ada's turn");
    assert.equal(statusText({ ...base, phase: 'waiting', players: [players[0]], turn: null }, 'ada'), 'Waiting for an opponent…');
    const won = { ...base, phase: 'over', turn: null, winner: 'ada', outcome: 'win' };
    assert.equal(statusText(won, 'ada'), 'You win!');
    assert.equal(statusText(won, 'cyd'), 'Ada wins!');
    assert.equal(statusText({ ...won, outcome: 'timeout' }, 'ada'), 'Your opponent ran out of time. You win!');
    assert.equal(statusText({ ...won, outcome: 'timeout' }, 'cyd'), 'Bob ran out of time. Ada wins!');
    assert.equal(statusText({ ...won, outcome: 'forfeit', players: [players[0]] }, 'cyd'), 'The other player left. Ada wins!');
    assert.equal(statusText({ ...won, winner: null, outcome: 'draw' }, 'bob'), 'A draw: the board is full.');
  });
});
