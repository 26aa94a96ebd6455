/**
 * The browser game: name entry, lobby with a mode picker, the arena (chat, results), Four in a Row, leaderboard.
 * @module main
 */
import {
  DEFAULT_MODE, ROOM_CODE_PATTERN, RoomEventTypes, RoomPhases,
  GameConnection, arenaGeometry, createSession, directionChanged, getLeaderboard, listModes, listRooms, refreshSession,
} from '../sdk/index.js';
import { Controls } from './controls.js';
import { byId, releaseColors } from './dom.js';
import {
  addChatLine, clearChat, describeClosing, describeError, hideBanner, renderResults, renderScoreboard,
  renderTimer, showBanner,
} from './hud.js';
import { FOUR_MODE, FourMessages, buildBoard, myTurn, renderFour, renderFourClock } from './four.js';
import { renderLeaderboard, renderModes, renderRooms } from './lobby.js';
import { Renderer } from './render.js';
import { ReturnWatch } from './returns.js';
import { loadSession, renewalDelay, renewalToken, saveSession } from './storage.js';
import { World } from './world.js';

const INPUT_INTERVAL_MS = 50;
const ROOMS_REFRESH_MS = 3000;
const clock = () => performance.timeOrigin + performance.now();
const params = new URLSearchParams(location.search);
// MessagePack and compact state by default; `?protocol=json` and `?state=full` choose the other forms.
const protocol = params.get('protocol') === 'json' ? 'json' : 'msgpack';
const stateEncoding = params.get('state') === 'full' ? 'full' : 'delta';
// The games this page can show; the lobby offers those the server runs. It asks for a mode by name rather than
// trusting the arena to be the server's default mode.
const PLAYABLE = new Map([[DEFAULT_MODE, 'Orb Arena'], [FOUR_MODE, 'Four in a Row']]);
const defaultArena = arenaGeometry();

const app = {
  screen: 'none',
  session: null,
  /** @type {import('../sdk/connection.js').GameConnection | null} */
  connection: null,
  /** @type {World | null} */
  world: null,
  /** @type {ReturnWatch | null} whether a RoomState on the current connection brings the player back */
  returns: null,
  /** the geometry drawn and predicted with: the room's from its join result, the defaults before a join */
  arena: defaultArena,
  renderer: new Renderer(byId('arena'), defaultArena),
  controls: null,
  seq: 0,
  lastSentAt: 0,
  lastFrame: 0,
  lastBoardDraw: 0,
  roomsTimer: 0,
  renewTimer: 0,
  busy: false,
  /** the mode the lobby's buttons play */
  mode: DEFAULT_MODE,
  /** Four in a Row: the room's latest state */
  four: null,
  /** the server's clock minus this one's, from the pings (for the turn countdown) */
  clockOffsetMs: 0,
};

function showScreen(name) {
  app.screen = name;
  for (const screen of ['name', 'lobby', 'game', 'four']) byId(`screen-${screen}`).hidden = screen !== name;
  clearInterval(app.roomsTimer);
  if (name === 'lobby') {
    refreshLobby();
    app.roomsTimer = setInterval(refreshLobby, ROOMS_REFRESH_MS);
  }
  if (name === 'name') setTimeout(() => byId('name-input').focus(), 0);
}

function setStatus(kind, text) {
  const status = byId('conn-status');
  status.className = `conn conn-${kind}`;
  status.textContent = text;
}

function setUrlRoom(roomId) {
  const url = new URL(location.href);
  if (roomId) url.searchParams.set('room', roomId);
  else url.searchParams.delete('room');
  history.replaceState(null, '', url);
}

// ---- session -------------------------------------------------------------------------------------

async function startSession(name, saved) {
  let session = null;
  const renewWith = saved && saved.name === name ? renewalToken(saved) : null;
  if (renewWith) {
    session = await refreshSession(renewWith).catch((error) => {
      if (error.code === 'unauthorized') return null;
      throw error;
    });
  }
  session ??= await createSession(name);
  adoptSession(session);
  byId('lobby-name').textContent = session.name;
  const whoami = byId('whoami');
  whoami.textContent = session.name;
  whoami.hidden = false;
  await openConnection();
}

/** Makes `session` the page's (saved, used by later reconnects) and schedules its renewal before it expires. */
function adoptSession(session) {
  // A server without refresh tokens answers a renewal without one: keep the one we have.
  const merged = { ...session, refreshToken: session.refreshToken ?? app.session?.refreshToken, refreshExpiresAt: session.refreshExpiresAt ?? app.session?.refreshExpiresAt };
  saveSession(merged);
  app.session = merged;
  app.connection?.setToken(merged.token);
  clearTimeout(app.renewTimer);
  app.renewTimer = setTimeout(renewSession, renewalDelay(merged.expiresAt));
}

// Access tokens are short-lived (they travel in the WebSocket URL); an open connection outlives its token, but a
// reconnect needs a valid one, so the page renews it ahead of time.
async function renewSession() {
  const token = renewalToken(app.session);
  if (!token) return;
  try {
    adoptSession(await refreshSession(token));
  } catch (error) {
    if (error.code === 'unauthorized') return;
    app.renewTimer = setTimeout(renewSession, 30_000);
  }
}

async function openConnection() {
  const previous = app.connection;
  app.connection = null;
  if (previous) await previous.stop().catch(() => {});
  setStatus('wait', 'connecting');
  // Listeners go on before start: a resumed seat's RoomState may be the first message after the handshake.
  const connection = new GameConnection({ token: app.session.token, protocol, stateEncoding });
  const returns = new ReturnWatch();
  app.returns = returns;
  connection.on('snapshot', onSnapshot);
  connection.on('roomState', (state) => {
    enterRoom(state, true);
    if (returns.roomState()) showBanner('Reconnected: you are back in your seat.', { kind: 'info' });
  });
  connection.on('state', (state) => {
    if (connection.room?.mode !== FOUR_MODE) return;
    app.four = state;
    if (app.screen === 'four') renderFour(state, connection.room.playerId);
  });
  connection.on('ping', (ping) => {
    if (typeof ping?.serverTime === 'number') app.clockOffsetMs = ping.serverTime - Date.now();
  });
  connection.on('chat', (message) => addChatLine(message));
  connection.on('roomEvent', onRoomEvent);
  connection.on('error', (error) => {
    if (error.code === 'room_failed' && inRoom()) {
      app.world = null;
      setUrlRoom(null);
      showScreen('lobby');
      showBanner(describeError(error), { sticky: true });
      return;
    }
    showBanner(describeError(error));
  });
  connection.on('closing', (closing) => showBanner(describeClosing(closing), { sticky: true }));
  let roomBeforeDrop = null;
  connection.on('reconnecting', () => {
    returns.left();
    roomBeforeDrop = connection.room;
    setStatus('wait', 'reconnecting');
  });
  connection.on('reconnected', () => {
    setStatus('on', 'online');
    hideBanner();
    // A seat held through the drop comes back as RoomState at once; without it the seat was released.
    if (!inRoom() || connection.room !== roomBeforeDrop) return;
    connection.next('roomState', { timeoutMs: 5000 }).catch(() => {
      if (connection !== app.connection || !inRoom()) return;
      app.world = null;
      setUrlRoom(null);
      showScreen('lobby');
      showBanner('You were away too long and lost your seat. Pick a room to play again.', { kind: 'info', sticky: true });
    });
  });
  connection.on('disconnected', ({ closing }) => {
    if (connection !== app.connection) return;
    setStatus('off', 'offline');
    const reason = closing ? describeClosing(closing) : 'Disconnected from the server.';
    showBanner(`${reason} Pick a room to play again.`, { sticky: true });
    if (inRoom()) {
      app.world = null;
      showScreen('lobby');
    }
  });
  app.connection = connection;
  try {
    await connection.start();
  } catch (error) {
    app.connection = null;
    setStatus('off', 'offline');
    throw error;
  }
  setStatus('on', 'online');
}

// ---- lobby ---------------------------------------------------------------------------------------

function inRoom() {
  return app.screen === 'game' || app.screen === 'four';
}

async function loadModes() {
  try {
    const modes = (await listModes()).filter((mode) => PLAYABLE.has(mode.name));
    if (!modes.some((mode) => mode.name === app.mode)) app.mode = modes.find((mode) => mode.isDefault)?.name ?? modes[0]?.name ?? DEFAULT_MODE;
    renderModes(modes.map((mode) => ({ name: mode.name, label: PLAYABLE.get(mode.name) })), app.mode, pickMode);
  } catch (error) {
    showBanner(describeError(error));
  }
}

function pickMode(mode) {
  app.mode = mode;
  for (const button of byId('mode-picker').children) button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
  byId('quick-join-hint').textContent = mode === FOUR_MODE
    ? 'Seats you in a game that needs a second player, or starts one. Friends with the code watch a full room.'
    : 'Drops you into the fullest public room with a free seat.';
  refreshLobby();
}

async function refreshLobby() {
  try {
    const mode = app.mode;
    const [rooms, leaders] = await Promise.all([listRooms(undefined, { mode }), getLeaderboard(10)]);
    if (app.screen !== 'lobby' || mode !== app.mode) return;
    renderRooms(rooms, (roomId) => join(() => app.connection.joinRoom(roomId)), { watchFrom: mode === FOUR_MODE ? 2 : Infinity });
    renderLeaderboard(leaders, app.session?.playerId);
  } catch (error) {
    if (app.screen === 'lobby') showBanner(describeError(error));
  }
}

async function join(action) {
  if (app.busy || !app.session) return;
  app.busy = true;
  try {
    // A connection that ended for good (e.g. replaced by another tab) is opened again on purpose.
    if (!app.connection || app.connection.state === 'Disconnected') await openConnection();
    const result = await action();
    if (await leftOtherMode(result)) return;
    app.returns?.seated();
    enterRoom(result, false);
    hideBanner();
  } catch (error) {
    if (!(error.code === 'already_in_room' && (await seatResumed()))) showBanner(describeError(error));
  } finally {
    app.busy = false;
  }
}

// After a reload within the reconnect window the server resumes the seat and pushes RoomState (whose
// listener enters the game); it may arrive just after a join was attempted, which then says already_in_room.
async function seatResumed() {
  const connection = app.connection;
  if (!connection) return false;
  if (connection.room) return true;
  return connection.next('roomState', { timeoutMs: 3000 }).then(() => true, () => false);
}

// A room code can name a room of a mode this page cannot show: give the seat back at once.
async function leftOtherMode(result) {
  const mode = app.connection?.room?.mode ?? DEFAULT_MODE;
  if (PLAYABLE.has(mode)) return false;
  await app.connection.leaveRoom().catch(() => {});
  showBanner(`Room ${result.roomId} plays ${mode}, which this page cannot show.`);
  return true;
}

function enterRoom(result, resumed) {
  if ((app.connection?.room?.mode ?? result.mode) === FOUR_MODE) enterFour(result);
  else enterGame(result, resumed);
}

// ---- four in a row -------------------------------------------------------------------------------

function enterFour(result) {
  app.world = null;
  app.four = result.state ?? null;
  byId('four-room-code').textContent = result.roomId;
  setUrlRoom(result.roomId);
  showScreen('four');
  if (app.four) renderFour(app.four, result.playerId);
}

function dropDisc(column) {
  const room = app.connection?.room;
  if (app.screen !== 'four' || !room || !myTurn(app.four, room.playerId)) return;
  app.connection.send(FourMessages.drop, { column }).catch((error) => showBanner(describeError(error)));
}

// ---- game ----------------------------------------------------------------------------------------

function useArena(arena) {
  app.arena = arena;
  app.renderer.setArena(arena);
  // The stage takes the world's shape; the renderer centres the world in whatever shape it gets.
  byId('stage').style.setProperty('--world-aspect', String(arena.worldWidth / arena.worldHeight));
}

function enterGame(result, resumed) {
  useArena(app.connection?.room?.arena ?? arenaGeometry(result.arena));
  app.world = new World({ playerId: result.playerId, arena: app.arena });
  app.world.onSnapshot(result.snapshot, clock());
  const me = result.snapshot?.players?.find((p) => p.playerId === result.playerId);
  // The room ignores sequences it has seen; continue above what it applied (matters after a page reload).
  app.seq = Math.max(app.seq, me?.ackSeq ?? 0);
  byId('room-code').textContent = result.roomId;
  byId('room-privacy').textContent = result.isPrivate ? 'private' : 'public';
  setUrlRoom(result.roomId);
  if (!resumed) {
    clearChat();
    addChatLine({ name: null, text: `You joined room ${result.roomId}. Collect the glowing orbs!` });
    if (result.isPrivate) addChatLine({ name: null, text: `This room is private: share the invite link or the code ${result.roomId}.` });
  }
  const hint = byId('stage-hint');
  hint.textContent = matchMedia('(pointer: coarse)').matches ? 'Touch and hold to steer' : 'WASD / arrows, or hold the mouse to steer';
  hint.classList.remove('gone');
  showScreen('game');
  app.renderer.resize();
  app.controls ??= new Controls(byId('arena'), (x, y) => app.renderer.toWorld(x, y), () => byId('stage-hint').classList.add('gone'));
}

function onSnapshot(snapshot) {
  const room = app.connection?.room;
  if (!app.world || !room || snapshot.roomId !== room.roomId) return;
  const now = clock();
  app.world.onSnapshot(snapshot, now);
  for (const moved of room.movedOrbs) if (moved.from) app.renderer.pop(moved.from.x, moved.from.y, now);
}

function onRoomEvent(event) {
  switch (event.type) {
    case RoomEventTypes.playerJoined:
      addChatLine({ name: null, text: `${event.name} joined.` });
      break;
    case RoomEventTypes.playerLeft:
      addChatLine({ name: null, text: `${event.name ?? 'A player'} left.` });
      break;
    case RoomEventTypes.roundStarted:
      addChatLine({ name: null, text: 'A new round started. Go!' });
      break;
    case RoomEventTypes.roundEnded: {
      const winner = event.results?.[0];
      addChatLine({ name: null, text: winner ? `Round over: ${winner.name} wins with ${winner.score}.` : 'Round over.' });
      break;
    }
    default:
      break;
  }
}

async function leave() {
  try {
    await app.connection?.leaveRoom();
  } catch (error) {
    showBanner(describeError(error));
  }
  app.world = null;
  app.four = null;
  setUrlRoom(null);
  showScreen('lobby');
}

function frame() {
  requestAnimationFrame(frame);
  if (app.screen === 'four') renderFourClock(app.four, Date.now() + app.clockOffsetMs);
  const now = clock();
  const dt = app.lastFrame ? now - app.lastFrame : 16;
  app.lastFrame = now;
  const room = app.connection?.room;
  const world = app.world;
  if (app.screen !== 'game' || !room || !world) return;

  const me = room.me;
  if (app.controls && me && !me.away && room.phase === RoomPhases.playing && app.connection.connected) {
    const wanted = app.controls.direction(world.positionOf(room.playerId, now));
    if (directionChanged(wanted, world.direction) && now - app.lastSentAt >= INPUT_INTERVAL_MS) {
      app.seq += 1;
      app.lastSentAt = now;
      world.onInput(app.seq, wanted.dx, wanted.dy, now);
      app.connection.input(app.seq, wanted.dx, wanted.dy).catch(() => {});
    }
  }
  world.step(dt);

  const players = [];
  for (const [playerId, state] of room.players) {
    const position = world.positionOf(playerId, now) ?? state;
    players.push({
      playerId, name: room.nameOf(playerId), x: position.x, y: position.y,
      score: state.score, away: state.away, me: playerId === room.playerId,
    });
  }
  app.renderer.resize();
  app.renderer.draw({ now, orbs: room.orbs.values(), players });
  renderTimer(room.remainingMs, room.phase);
  if (now - app.lastBoardDraw > 250) {
    app.lastBoardDraw = now;
    releaseColors(room.roster.keys());
    renderScoreboard(room);
    renderResults(room);
  }
}

// ---- wiring --------------------------------------------------------------------------------------

function wire() {
  byId('banner-close').addEventListener('click', hideBanner);
  byId('name-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = byId('name-input').value.trim();
    const error = byId('name-error');
    error.hidden = true;
    const submit = byId('name-submit');
    submit.disabled = true;
    try {
      await startSession(name, loadSession());
      await afterSession();
    } catch (failure) {
      error.textContent = describeError(failure);
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  });
  byId('change-name').addEventListener('click', (event) => {
    event.preventDefault();
    byId('name-input').value = app.session?.name ?? '';
    showScreen('name');
  });
  byId('quick-join').addEventListener('click', () => join(() => app.connection.quickJoin({ mode: app.mode })));
  byId('create-private').addEventListener('click', () => join(() => app.connection.createRoom({ isPrivate: true, mode: app.mode })));
  byId('create-public').addEventListener('click', () => join(() => app.connection.createRoom({ isPrivate: false, mode: app.mode })));
  byId('rooms-refresh').addEventListener('click', refreshLobby);
  byId('code-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = byId('code-input').value.trim().toLowerCase();
    join(() => app.connection.joinRoom(code));
  });
  byId('leave-room').addEventListener('click', leave);
  byId('four-leave').addEventListener('click', leave);
  buildBoard(dropDisc);
  byId('four-rematch').addEventListener('click', () => {
    app.connection?.send(FourMessages.rematch, {}).catch((error) => showBanner(describeError(error)));
  });
  byId('four-copy-link').addEventListener('click', copyInvite);
  byId('copy-link').addEventListener('click', copyInvite);

  byId('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('chat-input');
    const text = input.value;
    if (!text.trim() || !app.connection) return;
    app.connection.chat(text).catch((error) => showBanner(describeError(error)));
    input.value = '';
    input.blur();
  });
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && app.screen === 'game' && document.activeElement !== byId('chat-input')) {
      byId('chat-input').focus();
      event.preventDefault();
    } else if (event.key === 'Escape' && document.activeElement === byId('chat-input')) {
      byId('chat-input').blur();
    }
  });
  window.addEventListener('resize', () => app.renderer.resize());
}

async function copyInvite() {
  const url = new URL(location.href);
  url.search = '';
  url.searchParams.set('room', app.connection?.room?.roomId ?? '');
  try {
    await navigator.clipboard.writeText(url.toString());
    showBanner(`Invite link copied: ${url}`, { kind: 'info' });
  } catch {
    showBanner(`Share this link: ${url}`, { kind: 'info', sticky: true });
  }
}

async function afterSession() {
  showScreen('lobby');
  await loadModes();
  const code = params.get('room');
  if (code) {
    params.delete('room');
    if (ROOM_CODE_PATTERN.test(code)) await join(() => app.connection.joinRoom(code));
    else showBanner(describeError({ code: 'invalid_room_id' }));
  }
}

async function boot() {
  wire();
  requestAnimationFrame(frame);
  const saved = loadSession();
  if (!saved) {
    showScreen('name');
    return;
  }
  byId('name-input').value = saved.name;
  try {
    await startSession(saved.name, saved);
    await afterSession();
  } catch (error) {
    showScreen('name');
    showBanner(describeError(error));
  }
}

// A read-only view for the console and the browser tests.
globalThis.orbArena = {
  get screen() { return app.screen; },
  get roomId() { return app.connection?.room?.roomId ?? null; },
  get playerId() { return app.session?.playerId ?? null; },
  get connected() { return Boolean(app.connection?.connected); },
  get me() { return app.connection?.room?.me ?? null; },
  get predicted() { return app.world?.predicted ?? null; },
  get predictionError() { return app.world?.lastError ?? null; },
  get phase() { return app.connection?.room?.phase ?? null; },
  get remainingMs() { return app.connection?.room?.remainingMs ?? null; },
  get players() { return app.connection?.room ? [...app.connection.room.players.keys()] : []; },
  get roster() { return app.connection?.room ? Object.fromEntries(app.connection.room.roster) : {}; },
  get mode() { return app.connection?.room?.mode ?? null; },
  /** the mode the lobby plays */
  get lobbyMode() { return app.mode; },
  /** Four in a Row: the room's latest state */
  get four() { return app.four; },
  /** the geometry the page draws and predicts with (the room's; the defaults before a join) */
  get arena() { return { ...app.arena }; },
};

boot();
