// A typed consumer of the SDK, compiled by `tsc --noEmit -p test/types` (test/types.test.js): it imports the package
// by its name (the "exports" of package.json), uses both shipped modes, and every `@ts-expect-error` line is a
// wrong use that must not compile (tsc fails on an expect-error that has no error).
import {
  connect,
  createSession,
  GameError,
  type FourInARowState,
  type GameConnection,
  type RoomHandle,
  type ArenaMode,
  type FourInARowMode,
  type Snapshot,
} from 'orleansgame-client';

export async function arena(url: string): Promise<void> {
  const session = await createSession('Typed', url);
  const game: GameConnection = await connect({ token: session.token, url, protocol: 'msgpack' });
  const room = await game.joinOrCreate('arena', { properties: { map: 'small' } });
  const id: string = room.id;
  await room.send('Input', { seq: 1, dx: 0.6, dy: -0.8 });
  await room.send('Chat', { text: 'gl hf' });
  // @ts-expect-error the arena declares no Drop
  await room.send('Drop', { column: 3 });
  // @ts-expect-error Input needs seq, dx and dy
  await room.send('Input', { dx: 1, dy: 0 });
  // @ts-expect-error dx is a number
  await room.send('Input', { seq: 2, dx: 'left', dy: 0 });
  // @ts-expect-error Chat carries text
  await room.send('Chat', { message: 'hi' });

  room.onState((snapshot) => {
    const tick: number = snapshot.tick;
    const phase: 'playing' | 'results' = snapshot.phase;
    // @ts-expect-error a snapshot has no board
    void snapshot.board;
    void tick, phase;
  });
  room.onMessage('Chat', (line) => console.log(line.name, line.text, line.serverTime));
  room.onMessage('RoomEvent', (event) => {
    if (event.type === 'round_ended') console.log(event.results.map((result) => result.score));
    if (event.type === 'player_joined') console.log(event.name);
  });
  // @ts-expect-error the arena sends no Moved
  room.onMessage('Moved', () => {});
  room.onError((error) => {
    if (error.code === 'invalid_input' || error.code === 'rate_limited') console.warn(error.message);
    // @ts-expect-error not an error the arena or the host sends
    if (error.code === 'column_full') console.warn('never');
  });
  const geometry = room.joinResult.arena;
  console.log(id, geometry?.worldWidth, room.joinResult.orbs.length, room.joinResult.snapshot.tick);
  await room.leave();
}

export async function fourInARow(game: GameConnection): Promise<void> {
  const room = await game.create('four-in-a-row', { private: true });
  const start: FourInARowState = room.joinResult.state;
  const code: string = room.joinResult.roomId;
  void start, code;
  await room.send('Drop', { column: 3 });
  await room.send('Rematch', {});
  // @ts-expect-error column is a number
  await room.send('Drop', { column: '3' });
  // @ts-expect-error Drop needs a column
  await room.send('Drop', {});
  // @ts-expect-error Four in a Row declares no Input
  await room.send('Input', { seq: 1, dx: 0, dy: 0 });
  // @ts-expect-error Rematch carries nothing
  await room.send('Rematch', { now: true });

  const off = room.onState((state: FourInARowState) => {
    const top: number = state.board[0][3];
    const turn: string | null = state.turn;
    const outcome: 'win' | 'draw' | 'timeout' | 'forfeit' | null = state.outcome;
    const discs = state.players.map((player) => player.disc);
    // @ts-expect-error a disc is 1 or 2
    const wrong: 3 = state.players[0].disc;
    // @ts-expect-error the state has no snapshot tick
    void state.tick;
    void top, turn, outcome, discs, wrong;
  });
  off();
  room.onError((error) => {
    if (error.code === 'not_your_turn' || error.code === 'column_full' || error.code === 'not_playing') console.warn(error.message);
  });
  room.onMessage('RoomEvent', (event) => console.log(event.type, event.playerId));
}

export async function byCode(game: GameConnection, code: string): Promise<void> {
  // A room by code may play any mode: untyped until it is narrowed.
  const room = await game.join(code);
  if (room.is('four-in-a-row')) {
    await room.send('Drop', { column: 0 });
    // @ts-expect-error narrowed to Four in a Row
    await room.send('Chat', { text: 'hi' });
  } else if (room.is('arena')) {
    room.onState((snapshot: Snapshot) => console.log(snapshot.players.length));
  }
  const typed: RoomHandle<FourInARowMode> = await game.join<FourInARowMode>(code);
  typed.onState((state) => console.log(state.phase));
  const arena: RoomHandle<ArenaMode> = await game.joinOrCreate('arena');
  // @ts-expect-error an arena handle is not a Four in a Row handle
  const mixed: RoomHandle<FourInARowMode> = arena;
  void mixed;
  // Any other mode name: any message, any payload.
  const other = await game.joinOrCreate('tictactoe');
  await other.send('Move', { cell: 4 });
  other.onMessage('Moved', (move) => console.log(move.cell));
}

export function errors(error: unknown): string | undefined {
  return error instanceof GameError ? error.code : undefined;
}

// A mode of one's own, typed by declaration merging (docs/client.md).
declare module 'orleansgame-client' {
  interface Modes {
    'my-game': {
      send: { Tap: { count: number } };
      receive: { RoundWon: { playerId: string; name: string; round: number } };
      state: { round: number; taps: Record<string, number> };
      join: { state?: unknown };
      errors: 'invalid_tap';
    };
  }
}

export async function ownMode(game: GameConnection): Promise<void> {
  const room = await game.joinOrCreate('my-game');
  await room.send('Tap', { count: 1 });
  // @ts-expect-error count is a number
  await room.send('Tap', { count: 'one' });
  room.onMessage('RoundWon', (won) => console.log(won.name, won.round));
  room.onState((state) => console.log(state.taps[room.playerId]));
  room.onError((error) => {
    if (error.code === 'invalid_tap') console.warn(error.message);
  });
}
