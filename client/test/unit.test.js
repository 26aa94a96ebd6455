// Pure client logic, no server: error parsing, the room model and its geometry, the join and create arguments,
// prediction and interpolation, drawing coordinates, steering.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ArenaDefaults, Emitter, GameConnection, GameError, RoomModel, arenaGeometry, directionChanged, directionTo, nearest, parseHubError,
} from '../src/sdk/index.js';
import { createRoomRequest, joinRoomRequest } from '../src/sdk/requests.js';
import { Renderer } from '../src/game/render.js';
import { ReturnWatch } from '../src/game/returns.js';
import { renewalDelay, renewalToken, tokenUsable } from '../src/game/storage.js';
import { World } from '../src/game/world.js';

// What a server configured with non-default Arena:* settings sends in its JoinResult.
const smallArena = () => ({ worldWidth: 600, worldHeight: 400, playerRadius: 15, orbRadius: 6, playerSpeed: 300, orbCount: 12, tickMs: 40 });
const defaultGeometry = { worldWidth: 1000, worldHeight: 1000, playerRadius: 20, orbRadius: 8, playerSpeed: 200, orbCount: 24, tickMs: 50 };

const joinResult = () => ({
  roomId: 'abc123',
  playerId: 'me',
  capacity: 8,
  isPrivate: false,
  roster: [{ playerId: 'me', name: 'Me' }, { playerId: 'you', name: 'You' }],
  orbs: [{ id: 1, x: 10, y: 10 }, { id: 2, x: 500, y: 500 }],
  snapshot: {
    roomId: 'abc123', tick: 5, serverTime: 1_000, phase: 'playing', remainingMs: 50_000,
    players: [
      { playerId: 'me', x: 100, y: 100, score: 0, ackSeq: 0, rttMs: 0, away: false },
      { playerId: 'you', x: 300, y: 300, score: 2, ackSeq: 0, rttMs: 10, away: false },
    ],
    orbs: [],
  },
});

describe('parseHubError', () => {
  test('parseHubError_SignalRHubExceptionText_ExtractsCodeAndMessage', () => {
    const error = parseHubError(new Error("An unexpected error occurred invoking 'JoinRoom' on the server. HubException: room_full: room k3x9qa is full"));
    assert.ok(error instanceof GameError);
    assert.equal(error.code, 'room_full');
    assert.equal(error.message, 'room k3x9qa is full');
  });

  test('parseHubError_PlainCodedMessage_ExtractsCode', () => {
    assert.equal(parseHubError(new Error('invalid_room_id: a room code is 6 characters')).code, 'invalid_room_id');
  });

  test('parseHubError_UncodedMessage_UsesFallbackCode', () => {
    const error = parseHubError(new Error('Invocation canceled due to the underlying connection being closed.'));
    assert.equal(error.code, 'network');
    assert.match(error.message, /connection being closed/);
  });
});

describe('RoomModel', () => {
  test('RoomModel_SnapshotWithMovedOrb_KeepsOtherOrbsAndMovesThatOne', () => {
    const room = new RoomModel(joinResult());
    room.applySnapshot({ ...joinResult().snapshot, tick: 6, orbs: [{ id: 1, x: 700, y: 20 }] });
    assert.equal(room.orbs.size, 2);
    assert.deepEqual(room.orbs.get(1), { id: 1, x: 700, y: 20 });
    assert.deepEqual(room.orbs.get(2), { id: 2, x: 500, y: 500 });
    assert.deepEqual(room.movedOrbs, [{ id: 1, from: { x: 10, y: 10 }, to: { x: 700, y: 20 } }]);
  });

  test('RoomModel_OlderTickOrOtherRoom_IsIgnored', () => {
    const room = new RoomModel(joinResult());
    assert.equal(room.applySnapshot({ ...joinResult().snapshot, tick: 4 }), false);
    assert.equal(room.applySnapshot({ ...joinResult().snapshot, roomId: 'zzzzzz', tick: 9 }), false);
    assert.equal(room.tick, 5);
  });

  test('RoomModel_JoinAndLeaveEvents_UpdateRosterAndNames', () => {
    const room = new RoomModel(joinResult());
    room.applyEvent({ type: 'player_joined', playerId: 'new', name: 'Newcomer' });
    assert.equal(room.nameOf('new'), 'Newcomer');
    room.applyEvent({ type: 'player_left', playerId: 'you' });
    assert.equal(room.roster.has('you'), false);
    assert.equal(room.players.has('you'), false);
    room.applyEvent({ type: 'round_ended', results: [{ playerId: 'me', name: 'Me', score: 3 }] });
    assert.equal(room.lastResults[0].score, 3);
    assert.equal(room.me.playerId, 'me');
  });
});

describe('RoomModel mode and geometry', () => {
  test('RoomModel_JoinResultWithModeAndArena_ExposesTheServersGeometry', () => {
    const room = new RoomModel({ ...joinResult(), mode: 'arena', arena: smallArena() });
    assert.equal(room.mode, 'arena');
    assert.deepEqual(room.arena, smallArena());
  });

  test('RoomModel_JoinResultOfAnOlderServer_ArenaWithDefaultGeometry', () => {
    const room = new RoomModel(joinResult());
    assert.equal(room.mode, 'arena');
    assert.deepEqual(room.arena, defaultGeometry);
  });

  test('RoomModel_PartialOrBrokenGeometry_DefaultsFillTheGaps', () => {
    const room = new RoomModel({ ...joinResult(), mode: 'arena', arena: { worldWidth: 600, worldHeight: -5, playerSpeed: 0, orbCount: 0, tickMs: 'fast', playerRadius: Number.NaN } });
    assert.deepEqual(room.arena, { ...defaultGeometry, worldWidth: 600, playerSpeed: 0, orbCount: 0 });
  });

  test('RoomModel_RoomOfAnotherModeWithoutArena_HasNoGeometry', () => {
    const { roomId, playerId, capacity, isPrivate, roster } = joinResult();
    const room = new RoomModel({ roomId, playerId, capacity, isPrivate, roster, state: { board: [] }, mode: 'tictactoe' });
    assert.equal(room.mode, 'tictactoe');
    assert.equal(room.arena, null);
    assert.equal(room.nameOf('you'), 'You');
  });

  test('arenaGeometry_NothingGiven_IsTheDefaultsAndFrozen', () => {
    const geometry = arenaGeometry();
    assert.deepEqual(geometry, defaultGeometry);
    for (const [field, value] of Object.entries(geometry)) assert.equal(ArenaDefaults[field], value, field);
    assert.ok(Object.isFrozen(geometry));
  });
});

describe('join and create arguments', () => {
  const wire = (argument) => JSON.stringify(argument);

  test('joinRoomRequest_CallFormsOfBeforeModes_SendTheSameBytes', () => {
    assert.equal(wire(joinRoomRequest()), '{"roomId":null}');
    assert.equal(wire(joinRoomRequest(null)), '{"roomId":null}');
    assert.equal(wire(joinRoomRequest('k3x9qa')), '{"roomId":"k3x9qa"}');
  });

  test('joinRoomRequest_Options_CarryModeAndProperties', () => {
    assert.equal(wire(joinRoomRequest({ mode: 'arena', properties: { map: 'small' } })), '{"roomId":null,"mode":"arena","properties":{"map":"small"}}');
    assert.equal(wire(joinRoomRequest({ roomId: 'k3x9qa' })), '{"roomId":"k3x9qa"}');
    assert.equal(wire(joinRoomRequest({ mode: 'arena', properties: {} })), '{"roomId":null,"mode":"arena"}');
    assert.equal(wire(joinRoomRequest({ mode: null, properties: null })), '{"roomId":null}');
  });

  test('createRoomRequest_CallFormsOfBeforeModes_SendTheSameBytes', () => {
    assert.equal(wire(createRoomRequest()), '{"isPrivate":true}');
    assert.equal(wire(createRoomRequest(true)), '{"isPrivate":true}');
    assert.equal(wire(createRoomRequest(false)), '{"isPrivate":false}');
    assert.equal(wire(createRoomRequest(null)), '{"isPrivate":false}');
  });

  test('createRoomRequest_Options_PrivateByDefaultAndCarryModeAndProperties', () => {
    assert.equal(wire(createRoomRequest({ mode: 'arena' })), '{"isPrivate":true,"mode":"arena"}');
    assert.equal(wire(createRoomRequest({ isPrivate: false, properties: { map: 'small' } })), '{"isPrivate":false,"properties":{"map":"small"}}');
  });

  test('requests_ModeOrPropertiesOfTheWrongType_ThrowTypeError', () => {
    assert.throws(() => joinRoomRequest({ mode: 5 }), TypeError);
    assert.throws(() => joinRoomRequest({ properties: { level: 3 } }), /property 'level' must be a string/);
    assert.throws(() => createRoomRequest({ properties: ['a'] }), TypeError);
    assert.throws(() => createRoomRequest({ properties: 'map=small' }), TypeError);
  });
});

// A connection that is never started: what it does before anything reaches SignalR's transport.
describe('GameConnection without a server', () => {
  const unstarted = () => new GameConnection({ token: 'token', url: 'http://127.0.0.1:9', reconnect: false });

  test('GameConnection_BadJoinOrCreateArguments_RejectWithTypeError', async () => {
    const connection = unstarted();
    await assert.rejects(connection.joinRoom({ properties: { level: 3 } }), TypeError);
    await assert.rejects(connection.quickJoin({ mode: 7 }), TypeError);
    await assert.rejects(connection.createRoom({ isPrivate: false, mode: ['arena'] }), TypeError);
    await assert.rejects(connection.send(42, {}), TypeError);
  });

  test('GameConnection_WellFormedJoinWhileDisconnected_RejectsWithGameError', async () => {
    const error = await connectionRejection(unstarted().quickJoin({ mode: 'arena', properties: { map: 'small' } }));
    assert.ok(error instanceof GameError, `${error}`);
    assert.equal(error.code, 'network');
  });

  test('GameConnection_OnMessage_CallsTheListenerForItsTypeUntilRemoved', () => {
    const connection = unstarted();
    const moves = [];
    const off = connection.onMessage('Moved', (payload) => moves.push(payload.cell));
    connection.emit('message', { type: 'Moved', payload: { cell: 4 } });
    connection.emit('message', { type: 'Said', payload: { cell: 5 } });
    off();
    connection.emit('message', { type: 'Moved', payload: { cell: 6 } });
    assert.deepEqual(moves, [4]);
  });
});

async function connectionRejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected a rejection');
}

describe('World', () => {
  const snapshotAt = (serverTime, me, you = { x: 300, y: 300 }) => ({
    roomId: 'abc123', tick: serverTime / 50, serverTime, phase: 'playing', remainingMs: 10_000,
    players: [
      { playerId: 'me', score: 0, rttMs: 0, away: false, ackSeq: 0, ...me },
      { playerId: 'you', score: 0, rttMs: 0, away: false, ackSeq: 0, ...you },
    ],
  });

  test('World_LocalInput_MovesPredictionAtArenaSpeed', () => {
    const world = new World({ playerId: 'me' });
    world.onSnapshot(snapshotAt(1000, { x: 100, y: 100 }), 1000);
    world.onInput(1, 1, 0, 1000);
    for (let i = 0; i < 10; i += 1) world.step(50);
    assert.ok(Math.abs(world.predicted.x - 200) < 1e-6, `x = ${world.predicted.x}`);
    assert.equal(world.predicted.y, 100);
  });

  test('World_ServerAgreesWithPrediction_KeepsErrorSmall', () => {
    const world = new World({ playerId: 'me' });
    world.onSnapshot(snapshotAt(1000, { x: 100, y: 100 }), 1000);
    world.onInput(1, 1, 0, 1000);
    // The server applies the input at the next tick and moves 10 units a tick; it reports 20 ms RTT.
    for (let t = 1050; t <= 2000; t += 50) {
      world.step(50);
      const served = 100 + ((t - 1050) / 1000) * 200;
      world.onSnapshot(snapshotAt(t, { x: served, y: 100, ackSeq: 1, rttMs: 20 }), t + 10);
    }
    assert.ok(world.lastError < 15, `prediction error ${world.lastError}`);
  });

  test('World_ServerDisagreesALot_SnapsToServer', () => {
    const world = new World({ playerId: 'me' });
    world.onSnapshot(snapshotAt(1000, { x: 100, y: 100 }), 1000);
    world.onSnapshot(snapshotAt(1050, { x: 800, y: 800 }), 1050);
    assert.deepEqual(world.predicted, { x: 800, y: 800 });
  });

  test('World_PredictionAtWall_IsClampedToPlayerRadius', () => {
    const world = new World({ playerId: 'me' });
    world.onSnapshot(snapshotAt(1000, { x: 30, y: 500 }), 1000);
    world.onInput(1, -1, 0, 1000);
    for (let i = 0; i < 20; i += 1) world.step(50);
    assert.equal(world.predicted.x, 20);
  });

  test('World_ServerGeometry_PredictsAtItsSpeedAndClampsToItsWorld', () => {
    const world = new World({ playerId: 'me', arena: smallArena() });
    world.onSnapshot(snapshotAt(1000, { x: 100, y: 200 }), 1000);
    world.onInput(1, 1, 0, 1000);
    for (let i = 0; i < 10; i += 1) world.step(50);
    assert.ok(Math.abs(world.predicted.x - 250) < 1e-6, `300 units/s for 0.5 s from 100: x = ${world.predicted.x}`);
    for (let i = 0; i < 40; i += 1) world.step(50);
    assert.equal(world.predicted.x, 585, 'clamped at width 600 minus radius 15');
    world.onInput(2, 0, 1, 3000);
    for (let i = 0; i < 40; i += 1) world.step(50);
    assert.equal(world.predicted.y, 385, 'clamped at height 400 minus radius 15');
  });

  test('World_OtherPlayer_IsInterpolatedBetweenSnapshots', () => {
    const world = new World({ playerId: 'me' });
    world.onSnapshot(snapshotAt(1000, { x: 100, y: 100 }, { x: 300, y: 300 }), 1000);
    world.onSnapshot(snapshotAt(1050, { x: 100, y: 100 }, { x: 310, y: 300 }), 1050);
    world.onSnapshot(snapshotAt(1100, { x: 100, y: 100 }, { x: 320, y: 300 }), 1100);
    // 100 ms behind local 1175 is server time 1075: halfway between 1050 and 1100.
    const position = world.positionOf('you', 1175);
    assert.ok(Math.abs(position.x - 315) < 1e-6, `x = ${position.x}`);
  });
});

describe('Renderer coordinates', () => {
  // A canvas of 800 x 400 CSS pixels at pixel ratio 1; nothing is drawn.
  const canvas = () => ({ width: 0, height: 0, getBoundingClientRect: () => ({ width: 800, height: 400 }), getContext: () => ({}) });

  test('Renderer_WorldOfAnotherShape_IsCentredAndPointerMapsIntoIt', () => {
    const renderer = new Renderer(canvas(), arenaGeometry());
    renderer.resize();
    assert.equal(renderer.scale, 0.4);
    assert.deepEqual(renderer.offset, { x: 200, y: 0 });
    assert.deepEqual(renderer.toWorld(400, 200), { x: 500, y: 500 });
  });

  test('Renderer_SetArena_ScalesToTheNewWorld', () => {
    const renderer = new Renderer(canvas(), arenaGeometry());
    renderer.resize();
    renderer.setArena(arenaGeometry(smallArena()));
    assert.equal(renderer.scale, 1);
    assert.deepEqual(renderer.offset, { x: 100, y: 0 });
    assert.deepEqual(renderer.toWorld(100, 0), { x: 0, y: 0 });
    assert.deepEqual(renderer.toWorld(700, 400), { x: 600, y: 400 });
  });
});

describe('steering', () => {
  test('directionTo_DistantPoint_IsUnitVector', () => {
    const { dx, dy } = directionTo({ x: 0, y: 0 }, { x: 30, y: 40 });
    assert.deepEqual({ dx, dy }, { dx: 0.6, dy: 0.8 });
    assert.deepEqual(directionTo({ x: 5, y: 5 }, { x: 5.2, y: 5 }), { dx: 0, dy: 0 });
  });

  test('nearest_SeveralItems_ReturnsClosest', () => {
    assert.equal(nearest({ x: 0, y: 0 }, [{ x: 10, y: 10, id: 1 }, { x: 2, y: 1, id: 2 }]).id, 2);
    assert.equal(nearest({ x: 0, y: 0 }, []), undefined);
  });

  test('directionChanged_TinyWobble_IsNotAChange', () => {
    assert.equal(directionChanged({ dx: 1, dy: 0 }, { dx: 0.999, dy: 0.01 }), false);
    assert.equal(directionChanged({ dx: 1, dy: 0 }, { dx: 0, dy: 0 }), true);
  });
});

describe('Emitter', () => {
  test('Emitter_NextWithFilter_ResolvesWithFirstMatch', async () => {
    const emitter = new Emitter();
    const next = emitter.next('tick', { filter: (n) => n > 1, timeoutMs: 1000 });
    emitter.emit('tick', 1);
    emitter.emit('tick', 2);
    emitter.emit('tick', 3);
    assert.equal(await next, 2);
  });

  test('Emitter_NextWithoutEvent_RejectsAfterTimeout', async () => {
    await assert.rejects(new Emitter().next('never', { timeoutMs: 20 }), /timed out after 20 ms/);
  });

  test('Emitter_ThrowingListener_OthersStillCalled', () => {
    const emitter = new Emitter();
    const seen = [];
    const original = console.error;
    console.error = () => {};
    try {
      emitter.on('x', () => { throw new Error('boom'); });
      emitter.on('x', (v) => seen.push(v));
      emitter.emit('x', 7);
    } finally {
      console.error = original;
    }
    assert.deepEqual(seen, [7]);
  });
});

describe('storage', () => {
  test('renewalToken_PrefersALiveRefreshToken_ThenALiveAccessToken', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const access = { token: 'a', expiresAt: '2026-01-01T01:00:00Z' };
    assert.equal(renewalToken({ ...access, refreshToken: 'r', refreshExpiresAt: '2026-01-30T00:00:00Z' }, now), 'r');
    assert.equal(renewalToken({ ...access, refreshToken: 'r', refreshExpiresAt: '2025-12-31T00:00:00Z' }, now), 'a');
    assert.equal(renewalToken({ token: 'a', expiresAt: '2025-12-31T00:00:00Z', refreshToken: 'r', refreshExpiresAt: '2026-01-30T00:00:00Z' }, now), 'r');
    assert.equal(renewalToken({ token: 'a', expiresAt: '2025-12-31T00:00:00Z' }, now), null);
    assert.equal(renewalToken(null, now), null);
  });

  test('renewalDelay_AnHourLeft_RenewsAfterFortyEightMinutes_AndNeverLaterThanAMinuteBefore', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(renewalDelay('2026-01-01T01:00:00Z', now), 48 * 60_000);
    assert.equal(renewalDelay('2026-01-01T00:04:00Z', now), 3 * 60_000);
    assert.equal(renewalDelay('2026-01-01T00:00:30Z', now), 5_000);
    assert.equal(renewalDelay('not a date', now), 5_000);
  });

  test('tokenUsable_ExpiringWithinAMinute_IsFalse', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(tokenUsable({ token: 't', expiresAt: '2026-01-01T00:00:30Z' }, now), false);
    assert.equal(tokenUsable({ token: 't', expiresAt: '2026-01-01T01:00:00Z' }, now), true);
    assert.equal(tokenUsable({ expiresAt: '2026-01-01T01:00:00Z' }, now), false);
    assert.equal(tokenUsable(null, now), false);
  });
});

describe('ReturnWatch', () => {
  test('roomState_OnANewConnection_BringsThePlayerBack_OnceOnly', () => {
    const returns = new ReturnWatch();
    assert.equal(returns.roomState(), true, 'a new page taking its held seat back');
    assert.equal(returns.roomState(), false, 'a refresh after that (the room moved)');
  });

  test('roomState_AfterAJoin_IsARefresh_UntilTheConnectionDrops', () => {
    const returns = new ReturnWatch();
    returns.seated();
    assert.equal(returns.roomState(), false, 'the room moved while the player stayed');
    returns.left();
    assert.equal(returns.roomState(), true, 'the seat held through the drop');
    assert.equal(returns.roomState(), false);
  });
});
