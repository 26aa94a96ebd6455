// The SDK against a real gateway (child process, standalone mode) over real sockets.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { connect, createSession, GameError, getLeaderboard, listModes, listRooms, refreshSession } from '../src/sdk/index.js';
import { smallArena, startGateway } from './support/gateway.js';
import { startProxy } from './support/proxy.js';
import { waitUntil, within } from './support/wait.js';

let gateway;
const open = [];
let names = 0;

before(async () => {
  gateway = await startGateway({ env: { Ping__Interval: '00:00:00.500', Ping__Timeout: '00:00:05' } });
});

after(async () => {
  await Promise.allSettled(open.map((connection) => connection.stop()));
  await gateway?.stop();
});

async function player(options = {}, url = gateway.url) {
  names += 1;
  const session = await createSession(`Tester ${names}`, url);
  const connection = await connect({ token: session.token, url, reconnect: false, ...options });
  open.push(connection);
  return { session, connection };
}

function nextSnapshot(connection, filter = () => true, timeoutMs = 5000) {
  return connection.next('snapshot', { timeoutMs, filter });
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('sessions', () => {
  test('createSession_ValidName_ReturnsPlayerAndToken', async () => {
    const session = await createSession('  Alice  ', gateway.url);
    assert.equal(session.name, 'Alice');
    assert.match(session.playerId, /\S/);
    assert.equal(session.token.split('.').length, 3);
    assert.ok(Date.parse(session.expiresAt) > Date.now());
  });

  test('refreshSession_ValidToken_SamePlayerFreshToken', async () => {
    const session = await createSession('Bob', gateway.url);
    const renewed = await refreshSession(session.token, gateway.url);
    assert.equal(renewed.playerId, session.playerId);
    assert.equal(renewed.name, 'Bob');
    assert.ok(renewed.token);
  });

  test('refreshSession_RefreshToken_SamePlayerFreshTokens', async () => {
    const session = await createSession('Carol', gateway.url);
    assert.ok(Date.parse(session.expiresAt) - Date.now() <= 61 * 60_000, 'access tokens are short-lived');
    assert.equal(session.refreshToken.split('.').length, 3);
    const renewed = await refreshSession(session.refreshToken, gateway.url);
    assert.equal(renewed.playerId, session.playerId);
    assert.notEqual(renewed.token, session.token);
    const connection = await connect({ token: renewed.token, url: gateway.url, reconnect: false });
    await connection.stop();
  });

  test('connect_RefreshToken_RejectsUnauthorized', async () => {
    const session = await createSession('Dave', gateway.url);
    const error = await rejection(connect({ token: session.refreshToken, url: gateway.url, reconnect: false }));
    assert.equal(error.code, 'unauthorized');
  });

  test('createSession_InvalidName_RejectsWithInvalidName', async () => {
    const error = await rejection(createSession('<script>', gateway.url));
    assert.ok(error instanceof GameError);
    assert.equal(error.code, 'invalid_name');
    assert.equal(error.status, 400);
  });

  test('refreshSession_BadToken_RejectsUnauthorized', async () => {
    const error = await rejection(refreshSession('not.a.token', gateway.url));
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.status, 401);
  });

  test('connect_BadToken_RejectsUnauthorized', async () => {
    const error = await rejection(connect({ token: 'not.a.token', url: gateway.url, reconnect: false }));
    assert.equal(error.code, 'unauthorized');
  });
});

describe('playing', () => {
  test('joinRoom_QuickJoinOverJson_ReturnsFullStateAndSnapshotsFlow', async (t) => {
    const { session, connection } = await player({ protocol: 'json' });
    const joined = await connection.joinRoom(null);
    assert.match(joined.roomId, /^[a-z0-9]{6}$/);
    assert.equal(joined.playerId, session.playerId);
    assert.ok(joined.roster.some((entry) => entry.playerId === session.playerId && entry.name === session.name));
    assert.equal(joined.orbs.length, 24);
    assert.ok(joined.snapshot.players.some((p) => p.playerId === session.playerId));
    const first = await nextSnapshot(connection);
    const startedAt = performance.now();
    const later = await nextSnapshot(connection, (s) => s.tick >= first.tick + 20);
    const interval = (performance.now() - startedAt) / (later.tick - first.tick);
    t.diagnostic(`snapshot interval: ${interval.toFixed(1)} ms (ticks ${first.tick}..${later.tick})`);
    assert.ok(interval > 20 && interval < 250, `snapshots every ${interval} ms`);
    assert.equal(later.roomId, joined.roomId);
    assert.ok(later.serverTime > first.serverTime);
    assert.equal(connection.room.orbs.size, 24);
    const rooms = await listRooms(gateway.url);
    assert.ok(rooms.some((room) => room.roomId === joined.roomId && room.isPrivate === false));
    await connection.leaveRoom();
    assert.equal(connection.room, null);
  });

  test('joinRoom_QuickJoinOverMessagePack_SameFieldNames', async () => {
    const { session, connection } = await player({ protocol: 'msgpack' });
    const joined = await connection.joinRoom(null);
    assert.equal(joined.playerId, session.playerId);
    assert.equal(joined.orbs.length, 24);
    const snapshot = await nextSnapshot(connection, (s) => s.players.some((p) => p.playerId === session.playerId));
    const me = snapshot.players.find((p) => p.playerId === session.playerId);
    for (const field of ['x', 'y', 'score', 'ackSeq', 'rttMs', 'away']) assert.ok(field in me, `missing ${field}`);
    assert.ok(['playing', 'results'].includes(snapshot.phase));
    assert.equal(typeof snapshot.remainingMs, 'number');
  });

  test('input_SteerAwayFromWall_PlayerMovesAndAckSeqFollows', async () => {
    for (const protocol of ['json', 'msgpack']) {
      const { session, connection } = await player({ protocol });
      await connection.createRoom(true);
      const start = (await nextSnapshot(connection, (s) => s.phase === 'playing')).players.find((p) => p.playerId === session.playerId);
      const dx = start.x > 500 ? -1 : 1;
      await connection.input(1, dx, 0);
      const moved = await nextSnapshot(connection, (s) => {
        const me = s.players.find((p) => p.playerId === session.playerId);
        return me.ackSeq >= 1 && Math.abs(me.x - start.x) >= 40;
      });
      const me = moved.players.find((p) => p.playerId === session.playerId);
      assert.equal(me.ackSeq, 1, protocol);
      assert.ok(Math.sign(me.x - start.x) === dx, `${protocol}: moved the wrong way`);
      assert.ok(Math.abs(me.y - start.y) < 1, `${protocol}: drifted vertically`);
    }
  });

  test('chat_TwoPlayersInPrivateRoom_LineAndJoinEventArrive', async () => {
    const alice = await player();
    const bob = await player({ protocol: 'msgpack' });
    const created = await alice.connection.createRoom(true);
    assert.equal(created.isPrivate, true);
    const joinedEvent = alice.connection.next('roomEvent', { filter: (e) => e.type === 'player_joined' && e.playerId === bob.session.playerId });
    const joined = await bob.connection.joinRoom(created.roomId);
    assert.equal(joined.roomId, created.roomId);
    assert.ok(joined.roster.some((entry) => entry.playerId === alice.session.playerId));
    assert.equal((await joinedEvent).name, bob.session.name);
    assert.equal(alice.connection.room.nameOf(bob.session.playerId), bob.session.name);

    const heard = bob.connection.next('chat', { filter: (m) => m.text === 'good luck!' });
    await alice.connection.chat('good luck!');
    const line = await heard;
    assert.equal(line.playerId, alice.session.playerId);
    assert.equal(line.name, alice.session.name);
    assert.ok(line.serverTime > 0);

    const rooms = await listRooms(gateway.url);
    assert.equal(rooms.some((room) => room.roomId === created.roomId), false, 'a private room is not listed');
  });

  test('ping_SdkAnswers_ConnectionOutlivesPingTimeout', async () => {
    const { session, connection } = await player();
    await connection.createRoom(true);
    let pings = 0;
    connection.on('ping', () => { pings += 1; });
    // Pings every 0.5 s and a 5 s timeout here: twelve pings take longer than the timeout.
    await waitUntil(() => pings >= 12, { timeoutMs: 15_000, what: 'twelve pings' });
    assert.equal(connection.connected, true);
    assert.equal(connection.lastClosing, null);
    const me = connection.room.players.get(session.playerId);
    assert.equal(typeof me.rttMs, 'number');
  });

  test('ping_Unanswered_ClosingPingTimeout', async () => {
    const { connection } = await player();
    connection.hub.off('Ping');
    const closing = connection.next('closing', { timeoutMs: 15_000 });
    const disconnected = connection.next('disconnected', { timeoutMs: 20_000 });
    assert.equal((await closing).reason, 'ping_timeout');
    assert.equal((await disconnected).closing.reason, 'ping_timeout');
  });

  test('getLeaderboard_Top10_ReturnsArray', async () => {
    const rows = await getLeaderboard(10, gateway.url);
    assert.ok(Array.isArray(rows));
    const error = await rejection(getLeaderboard(0, gateway.url));
    assert.equal(error.status, 400);
  });
});

describe('errors', () => {
  test('joinRoom_MalformedCode_RejectsWithInvalidRoomId', async () => {
    const { connection } = await player();
    const error = await rejection(connection.joinRoom('NOT A CODE'));
    assert.ok(error instanceof GameError);
    assert.equal(error.code, 'invalid_room_id');
  });

  test('joinRoom_UnknownCode_RejectsWithRoomNotFound', async () => {
    const { connection } = await player({ protocol: 'msgpack' });
    const error = await rejection(connection.joinRoom('zz9zz9'));
    assert.equal(error.code, 'room_not_found');
    assert.match(error.message, /\S/);
  });

  test('joinRoom_AlreadySeated_RejectsWithAlreadyInRoom', async () => {
    const { connection } = await player();
    await connection.createRoom(true);
    const error = await rejection(connection.joinRoom(null));
    assert.equal(error.code, 'already_in_room');
  });

  test('chat_TooLongOrEmpty_ErrorEventInvalidChatAndConnectionStaysOpen', async () => {
    const { connection } = await player();
    await connection.createRoom(true);
    const first = connection.next('error', { filter: (e) => e.code === 'invalid_chat' });
    await connection.chat('x'.repeat(201));
    const error = await first;
    assert.ok(error instanceof GameError);
    const second = connection.next('error', { filter: (e) => e.code === 'invalid_chat' });
    await connection.chat('   ');
    await second;
    assert.equal(connection.connected, true);
    await nextSnapshot(connection);
  });

  test('input_OutOfRange_ErrorEventInvalidInput', async () => {
    const { connection } = await player({ protocol: 'msgpack' });
    await connection.createRoom(true);
    const error = connection.next('error', { filter: (e) => e.code === 'invalid_input' });
    await connection.input(1, 5, 0);
    await error;
    assert.equal(connection.connected, true);
  });

  test('chat_NotInRoom_ErrorEventNotInRoom', async () => {
    const { connection } = await player();
    const error = connection.next('error', { filter: (e) => e.code === 'not_in_room' });
    await connection.chat('hello?');
    await error;
  });
});

describe('modes and generic messages', () => {
  test('send_ChatTypeOverMessagePack_ArrivesAsChatAtTheOtherMember', async () => {
    const alice = await player({ protocol: 'msgpack' });
    const bob = await player();
    const created = await alice.connection.createRoom(true);
    await bob.connection.joinRoom(created.roomId);
    const heard = bob.connection.next('chat', { filter: (m) => m.text === 'sent with Send' });
    await alice.connection.send('Chat', { text: 'sent with Send' });
    const line = await heard;
    assert.equal(line.playerId, alice.session.playerId);
    assert.equal(line.name, alice.session.name);
  });

  test('send_InputTypeOverMessagePack_PlayerMovesAndAckSeqFollows', async () => {
    const { session, connection } = await player({ protocol: 'msgpack' });
    await connection.createRoom(true);
    const start = (await nextSnapshot(connection, (s) => s.phase === 'playing')).players.find((p) => p.playerId === session.playerId);
    const dx = start.x > 500 ? -1 : 1;
    await connection.send('Input', { seq: 1, dx, dy: 0 });
    const moved = await nextSnapshot(connection, (s) => {
      const me = s.players.find((p) => p.playerId === session.playerId);
      return me.ackSeq >= 1 && Math.abs(me.x - start.x) >= 40;
    });
    assert.equal(Math.sign(moved.players.find((p) => p.playerId === session.playerId).x - start.x), dx);
  });

  test('send_UnknownType_ErrorEventUnknownMessageAndConnectionStaysOpen', async () => {
    const { connection } = await player();
    await connection.createRoom(true);
    const error = connection.next('error', { filter: (e) => e.code === 'unknown_message' });
    await connection.send('Nope', {});
    assert.ok((await error) instanceof GameError);
    assert.equal(connection.connected, true);
    await nextSnapshot(connection);
  });

  test('send_PayloadOverTheTypesLimit_ErrorEventMessageTooLarge', async () => {
    const { connection } = await player({ protocol: 'msgpack' });
    await connection.createRoom(true);
    const error = connection.next('error', { filter: (e) => e.code === 'message_too_large' });
    // Chat allows 1024 bytes of JSON; this is about 1.1 KB, well within the hub's 4 KB.
    await connection.send('Chat', { text: 'x'.repeat(1100) });
    await error;
    assert.equal(connection.connected, true);
  });

  test('send_PayloadNotAnObject_ErrorEventInvalidArgument', async () => {
    const { connection } = await player();
    await connection.createRoom(true);
    const error = connection.next('error', { filter: (e) => e.code === 'invalid_argument' });
    await connection.send('Chat', 'just a string');
    await error;
    assert.equal(connection.connected, true);
  });

  test('send_NotInRoom_ErrorEventNotInRoom', async () => {
    const { connection } = await player();
    const error = connection.next('error', { filter: (e) => e.code === 'not_in_room' });
    await connection.send('Chat', { text: 'anyone?' });
    await error;
  });

  test('quickJoin_UnknownMode_RejectsWithUnknownMode', async () => {
    const { connection } = await player();
    assert.equal((await rejection(connection.quickJoin({ mode: 'no-such-mode' }))).code, 'unknown_mode');
    assert.equal((await rejection(connection.createRoom({ isPrivate: false, mode: 'no-such-mode' }))).code, 'unknown_mode');
    assert.equal(connection.room, null);
  });

  test('quickJoin_WithProperties_SeatsOnlyWithTheSameModeAndProperties', async () => {
    const map = `m${Date.now().toString(36)}`;
    const alice = await player();
    const bob = await player({ protocol: 'msgpack' });
    const carol = await player();
    const dan = await player();
    const first = await alice.connection.quickJoin({ mode: 'arena', properties: { map } });
    assert.equal(first.mode, 'arena');
    assert.equal(alice.connection.room.mode, 'arena');
    assert.equal((await bob.connection.quickJoin({ mode: 'arena', properties: { map } })).roomId, first.roomId);
    assert.notEqual((await carol.connection.quickJoin({ mode: 'arena', properties: { map: `${map}x` } })).roomId, first.roomId);
    assert.notEqual((await dan.connection.quickJoin()).roomId, first.roomId);
  });

  test('listModes_Server_ListsTheArenaAsDefault', async () => {
    const modes = await listModes(gateway.url);
    const arena = modes.find((mode) => mode.name === 'arena');
    assert.ok(arena, JSON.stringify(modes));
    assert.equal(arena.isDefault, true);
    assert.equal(arena.capacity, 8);
    assert.equal(arena.tickRate, 20);
  });

  test('listRooms_ByMode_ListsThatModesPublicRooms', async () => {
    const { connection } = await player();
    const created = await connection.createRoom({ isPrivate: false, mode: 'arena' });
    const rooms = await listRooms(gateway.url, { mode: 'arena' });
    const listed = rooms.find((room) => room.roomId === created.roomId);
    assert.ok(listed, 'the new public room is listed');
    assert.equal(listed.mode, 'arena');
    assert.equal(listed.joinable, true);
    assert.ok(rooms.every((room) => room.mode === 'arena' && room.isPrivate === false));
  });
});

// A gateway of its own whose arena differs from the defaults in every field the client draws or predicts with.
describe('server geometry', () => {
  const configured = smallArena.geometry;
  let small;

  before(async () => {
    small = await startGateway({ env: smallArena.env });
  });

  after(async () => {
    await small?.stop();
  });

  test('joinRoom_ConfiguredArena_JoinResultCarriesModeAndGeometry', async () => {
    for (const protocol of ['json', 'msgpack']) {
      const { connection } = await player({ protocol }, small.url);
      const joined = await connection.joinRoom(null);
      assert.equal(joined.mode, 'arena', protocol);
      assert.deepEqual({ ...joined.arena }, configured, protocol);
      assert.deepEqual({ ...connection.room.arena }, configured, protocol);
      assert.equal(joined.orbs.length, 12, protocol);
      for (const orb of joined.orbs) assert.ok(orb.x <= 600 - 6 && orb.y <= 400 - 6, `${protocol}: orb ${orb.id} outside the world`);
      await connection.leaveRoom();
    }
  });
});

describe('connection', () => {
  test('connect_TokenInQueryString_Works', async () => {
    const { session, connection } = await player({ tokenIn: 'query' });
    const joined = await connection.joinRoom(null);
    assert.equal(joined.playerId, session.playerId);
  });

  test('connect_SameTokenTwice_OlderGetsClosingDuplicateSession', async () => {
    const { session, connection: older } = await player({ reconnect: true });
    const closing = older.next('closing', { timeoutMs: 10_000 });
    const disconnected = older.next('disconnected', { timeoutMs: 15_000 });
    const newer = await connect({ token: session.token, url: gateway.url, reconnect: false });
    open.push(newer);
    assert.equal((await closing).reason, 'duplicate_session');
    const ended = await disconnected;
    assert.equal(ended.closing.reason, 'duplicate_session');
    assert.equal(older.state, 'Disconnected', 'must not reconnect after duplicate_session');
    assert.equal(newer.connected, true);
  });

  test('reconnect_NetworkDrop_ResumesSeatWithRoomState', async () => {
    const proxy = await startProxy(gateway.port);
    try {
      const session = await createSession('Roamer', gateway.url);
      const connection = await connect({ token: session.token, url: proxy.url, reconnect: true });
      open.push(connection);
      const joined = await connection.createRoom(true);
      await nextSnapshot(connection);

      const reconnected = connection.next('reconnected', { timeoutMs: 20_000 });
      const roomState = connection.next('roomState', { timeoutMs: 25_000 });
      assert.ok(proxy.dropAll() > 0, 'no connection to drop');
      await reconnected;
      const state = await roomState;
      assert.equal(state.roomId, joined.roomId);
      assert.equal(state.playerId, session.playerId);
      assert.equal(connection.room.roomId, joined.roomId);
      const snapshot = await nextSnapshot(connection, (s) => s.players.some((p) => p.playerId === session.playerId && !p.away), 10_000);
      assert.equal(snapshot.roomId, joined.roomId);
      await within(connection.input(1, 1, 0), 5000, 'input after reconnect');
    } finally {
      await proxy.close();
    }
  });

  test('stop_AfterJoin_DisconnectedEventWithoutClosing', async () => {
    const { connection } = await player();
    const disconnected = connection.next('disconnected');
    await connection.stop();
    const ended = await disconnected;
    assert.equal(ended.closing, null);
    await waitUntil(() => connection.state === 'Disconnected', { what: 'Disconnected state' });
  });
});

describe('room handles', () => {
  test('joinOrCreate_ModeAndProperties_HandleOfTheMatchingRoomWithItsStates', async () => {
    const alice = await player();
    const bob = await player({ protocol: 'msgpack' });
    const properties = { map: `handles-${Date.now()}` };
    const room = await alice.connection.joinOrCreate('arena', { properties });
    assert.equal(room.mode, 'arena');
    assert.match(room.id, /^[a-z0-9]{6}$/);
    assert.equal(room.playerId, alice.session.playerId);
    assert.equal(room.is('arena'), true);
    assert.equal(alice.connection.currentRoom, room);
    assert.equal(alice.connection.room.roomId, room.id, 'the RoomModel stays current alongside');

    const state = await new Promise((resolveState) => {
      const off = room.onState((snapshot) => {
        off();
        resolveState(snapshot);
      });
    });
    assert.equal(state.roomId, room.id);
    assert.ok(state.players.some((p) => p.playerId === alice.session.playerId));
    assert.equal(room.state.roomId, room.id);

    const joinedEvent = new Promise((resolveEvent) => room.onMessage('RoomEvent', (event) => {
      if (event.type === 'player_joined') resolveEvent(event);
    }));
    const second = await bob.connection.joinOrCreate('arena', { properties });
    assert.equal(second.id, room.id);
    assert.equal((await within(joinedEvent, 5000, 'player_joined through onMessage')).playerId, bob.session.playerId);
    const elsewhere = await (await player()).connection.joinOrCreate('arena', { properties: { map: `${properties.map}x` } });
    assert.notEqual(elsewhere.id, room.id);
  });

  test('createAndJoin_PrivateRoomByCode_MessagesBothWaysAndErrorsOnTheHandle', async () => {
    const alice = await player();
    const bob = await player({ protocol: 'msgpack' });
    const room = await alice.connection.create('arena', { private: true });
    assert.equal(room.joinResult.isPrivate, true);
    assert.equal((await listRooms(gateway.url)).some((listed) => listed.roomId === room.id), false);
    const joined = await bob.connection.join(room.id);
    assert.equal(joined.id, room.id);
    assert.equal(joined.mode, 'arena');

    // The arena's Chat arrives as a hub method of its own; onMessage covers it like Message(type, payload).
    const heard = new Promise((resolveLine) => joined.onMessage('Chat', resolveLine));
    await room.send('Chat', { text: 'handles work' });
    const line = await within(heard, 5000, 'Chat through onMessage');
    assert.equal(line.text, 'handles work');
    assert.equal(line.playerId, alice.session.playerId);

    const refused = new Promise((resolveError) => room.onError(resolveError));
    await room.send('Chat', { text: ' ' });
    assert.equal((await within(refused, 5000, 'invalid_chat through onError')).code, 'invalid_chat');
    const unknown = new Promise((resolveError) => room.onError((error) => error.code === 'unknown_message' && resolveError(error)));
    await room.send('Drop', { column: 3 });
    assert.equal((await within(unknown, 5000, 'unknown_message')).code, 'unknown_message');
  });

  test('create_PublicByDefault_ListedAndFoundByQuickJoinOfItsMode', async () => {
    const { connection } = await player();
    const properties = { map: `public-${Date.now()}` };
    const room = await connection.create('arena', { properties });
    assert.equal(room.joinResult.isPrivate, false);
    const other = await (await player()).connection.joinOrCreate('arena', { properties });
    assert.equal(other.id, room.id);
  });

  test('leave_Handle_ListenersRemovedAndSendRefusedWithNotInRoom', async () => {
    const { connection } = await player();
    const room = await connection.joinOrCreate('arena');
    let states = 0;
    room.onState(() => { states += 1; });
    await waitUntil(() => states > 0, { what: 'a state before leaving' });
    const causes = [];
    room.onLeave((cause) => causes.push(cause));
    await room.leave();
    assert.equal(room.active, false);
    assert.deepEqual(causes, ['left']);
    assert.equal(connection.currentRoom, null);
    assert.equal(connection.room, null);
    const seen = states;
    const next = await connection.joinOrCreate('arena', { properties: { map: `after-leave-${Date.now()}` } });
    await new Promise((resolveState) => { const off = next.onState(() => { off(); resolveState(); }); });
    assert.equal(states, seen, 'a left handle hears nothing of the next room');
    const error = await rejection(room.send('Chat', { text: 'anyone?' }));
    assert.equal(error.code, 'not_in_room');
  });

  test('joinAndCreate_BadArguments_RejectWithCodesOrTypeErrors', async () => {
    const { connection } = await player();
    assert.equal((await rejection(connection.joinOrCreate('no-such-mode'))).code, 'unknown_mode');
    assert.equal((await rejection(connection.create('no-such-mode'))).code, 'unknown_mode');
    assert.equal((await rejection(connection.join('NOPE'))).code, 'invalid_room_id');
    assert.equal((await rejection(connection.join('zzzzzz'))).code, 'room_not_found');
    assert.ok((await rejection(connection.join(null))) instanceof TypeError);
    assert.ok((await rejection(connection.create('arena', { private: 'yes' }))) instanceof TypeError);
    assert.ok((await rejection(connection.joinOrCreate('arena', { properties: { map: 3 } }))) instanceof TypeError);
    assert.equal(connection.currentRoom, null);
  });

  test('reconnect_NetworkDrop_SameHandleResumesWithStatesAndSends', async () => {
    const proxy = await startProxy(gateway.port);
    try {
      const session = await createSession('Handle Roamer', gateway.url);
      const connection = await connect({ token: session.token, url: proxy.url, reconnect: true });
      open.push(connection);
      const room = await connection.create('arena', { private: true });
      const states = [];
      room.onState((snapshot) => states.push(snapshot));
      await waitUntil(() => states.length > 0, { what: 'a state before the drop' });

      const rejoined = new Promise((resolveRejoin) => room.onRejoin(resolveRejoin));
      assert.ok(proxy.dropAll() > 0, 'no connection to drop');
      const roomState = await within(rejoined, 25_000, 'the seat resumed');
      assert.equal(roomState.roomId, room.id);
      assert.equal(room.active, true);
      assert.equal(connection.currentRoom, room);
      assert.equal(room.joinResult, roomState);

      const before = states.length;
      await waitUntil(() => states.slice(before).some((s) => s.players.some((p) => p.playerId === session.playerId && !p.away)),
        { timeoutMs: 10_000, what: 'states after the reconnect' });
      const moved = await waitUntil(async () => {
        await room.send('Input', { seq: states.length + 1, dx: 1, dy: 0 });
        return states.at(-1).players.find((p) => p.playerId === session.playerId && p.ackSeq > 0);
      }, { timeoutMs: 10_000, intervalMs: 200, what: 'an input acknowledged after the reconnect' });
      assert.ok(moved.ackSeq > 0);
    } finally {
      await proxy.close();
    }
  });

  test('stop_WithHandle_HandleEndsDisconnected', async () => {
    const { connection } = await player();
    const room = await connection.joinOrCreate('arena');
    const ended = new Promise((resolveCause) => room.onLeave(resolveCause));
    await connection.stop();
    assert.equal(await within(ended, 5000, 'the handle ending'), 'disconnected');
    assert.equal(room.active, false);
  });
});

describe('four in a row through room handles', () => {
  function nextState(room, filter) {
    return new Promise((resolveState) => {
      const off = room.onState((state) => {
        if (filter(state)) {
          off();
          resolveState(state);
        }
      });
    });
  }

  test('joinOrCreate_TwoPlayers_PlayTurnsAndTheWrongTurnIsRefusedOnTheHandle', async () => {
    const alice = await player();
    const bob = await player({ protocol: 'msgpack' });
    const first = await alice.connection.joinOrCreate('four-in-a-row');
    const playing = nextState(first, (state) => state.phase === 'playing');
    const second = await bob.connection.joinOrCreate('four-in-a-row');
    assert.equal(second.id, first.id, 'quick join seats the second player in the waiting game');
    assert.equal(second.mode, 'four-in-a-row');

    const started = await within(playing, 5000, 'the game starts with two players');
    const mover = started.turn === alice.session.playerId ? first : second;
    const waiter = mover === first ? second : first;

    const refused = new Promise((resolveError) => waiter.onError(resolveError));
    waiter.send('Drop', { column: 3 });
    assert.equal((await within(refused, 5000, 'not_your_turn on the handle')).code, 'not_your_turn');

    const moved = nextState(waiter, (state) => state.moves === 1);
    mover.send('Drop', { column: 3 });
    const after = await within(moved, 5000, 'the move reaches the other player');
    assert.equal(after.board[5][3], after.lastMove.disc);
    assert.equal(after.turn, waiter.playerId);
  });
});

describe('bot', () => {
  test('botCli_FourBotsForThreeSeconds_AllPlayAndExitZero', async () => {
    const bot = fileURLToPath(new URL('../bot.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bot, '--url', gateway.url, '--bots', '4', '--seconds', '3', '--protocol', 'msgpack'], { timeout: 30_000 });
    const lines = stdout.trim().split('\n');
    assert.match(lines.at(-1), /^bots: 4 played, 0 failed/);
    const stats = lines.slice(0, -1).map((line) => JSON.parse(line));
    assert.equal(stats.length, 4);
    for (const s of stats) {
      assert.ok(s.snapshots > 20, `${s.name} saw ${s.snapshots} snapshots`);
      assert.ok(s.inputs > 0, `${s.name} never steered`);
      assert.ok(s.pings > 0, `${s.name} got no ping`);
      assert.deepEqual(s.errors, [], `${s.name} errors`);
    }
  });
});
