/**
 * The operations console: rooms and players from /admin/api (same origin, the operations port), a room's live view
 * drawn with the browser game's renderer, and the operators' actions. The key stays in this tab's sessionStorage.
 * @module console
 */
import { Renderer } from '/admin/game/render.js';

const ARENA = Object.freeze({ worldWidth: 1000, worldHeight: 1000, playerRadius: 20, orbRadius: 8 });
const $ = (id) => document.getElementById(id);

const app = {
  key: sessionStorage.getItem('adminKey') ?? '',
  role: null,
  roomId: null,
  orbs: new Map(),
  renderer: new Renderer($('arena'), ARENA),
};

async function api(method, path, body) {
  const response = await fetch(`/admin/api${path}`, {
    method,
    headers: { 'X-Admin-Key': app.key, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error(`${data?.code ?? response.status}: ${data?.detail ?? response.statusText}`);
  return data;
}

function banner(text, ok = false) {
  const element = $('banner');
  element.textContent = text;
  element.className = ok ? 'ok' : '';
  element.hidden = !text;
}

/** A long id cut for a table cell (the whole one is in the detail views and the API). */
function short(id, length = 12) {
  return id.length > length ? `${id.slice(0, length)}…` : id;
}

function cells(row, values) {
  for (const value of values) row.insertCell().textContent = value;
}

async function signIn() {
  try {
    const me = await api('GET', '/me');
    app.role = me.role;
    $('who').textContent = `${me.name} (${me.role})`;
    for (const button of document.querySelectorAll('[data-action]')) button.disabled = me.role !== 'Operator';
    banner('');
    const silos = await api('GET', '/silos');
    $('move-target').replaceChildren(...silos.map((s) => new Option(s.address, s.address)));
    await refreshRooms();
  } catch (error) {
    app.role = null;
    $('who').textContent = '';
    banner(error.message);
  }
}

async function refreshRooms() {
  if (!app.role) return;
  const rooms = await api('GET', '/rooms');
  $('rooms-count').textContent = `${rooms.length} live`;
  const body = $('rooms').tBodies[0];
  body.replaceChildren();
  for (const room of rooms) {
    const row = body.insertRow();
    row.dataset.roomId = room.roomId;
    row.classList.toggle('selected', room.roomId === app.roomId);
    cells(row, [room.roomId, room.mode, room.phase, `${room.players}/${room.capacity}`, room.tick,
      room.latenessMs.toFixed(1), short(room.silo, 15), `${Math.round(room.ageSeconds)} s`]);
    row.addEventListener('click', () => watch(room.roomId));
  }
}

function watch(roomId) {
  app.roomId = roomId;
  app.orbs.clear();
  $('room-panel').hidden = false;
  $('room-id').textContent = roomId;
  for (const row of $('rooms').tBodies[0].rows) row.classList.toggle('selected', row.dataset.roomId === roomId);
}

async function refreshRoom() {
  if (!app.role || !app.roomId) return;
  let detail;
  try {
    detail = await api('GET', `/rooms/${app.roomId}`);
  } catch (error) {
    banner(error.message);
    app.roomId = null;
    $('room-panel').hidden = true;
    return;
  }
  const { room, members, state } = detail;
  $('room-meta').textContent = `${room.mode} · ${room.phase} · tick ${room.tick} · ${room.silo}`;
  const scores = new Map((state?.players ?? []).map((p) => [p.playerId, p]));
  const body = $('members').tBodies[0];
  body.replaceChildren();
  for (const member of members) {
    const row = body.insertRow();
    cells(row, [short(member.playerId), member.name, `${member.rttMs} ms`, member.away ? 'away' : 'connected',
      scores.get(member.playerId)?.score ?? '']);
    row.cells[3].className = member.away ? 'away' : 'connected';
    row.cells[0].title = member.playerId;
    row.dataset.playerId = member.playerId;
    const kick = document.createElement('button');
    kick.textContent = 'Kick';
    kick.className = 'danger';
    kick.disabled = app.role !== 'Operator';
    kick.addEventListener('click', () => act(`/players/${member.playerId}/kick`, { reason: 'removed by an operator' }, `kicked ${member.name}`));
    row.insertCell().append(kick);
  }
  showEvents(detail.recentEvents ?? []);
  const arena = room.mode === 'arena' && state?.players;
  $('arena').hidden = !arena;
  $('state').hidden = !!arena;
  if (arena) {
    // A snapshot carries the orbs that moved; the view learns the others as they do.
    for (const orb of state.orbs ?? []) app.orbs.set(orb.id, orb);
    const names = new Map(members.map((m) => [m.playerId, m.name]));
    app.renderer.resize();
    app.renderer.draw({
      now: performance.now(),
      orbs: app.orbs.values(),
      players: state.players.map((p) => ({ ...p, name: names.get(p.playerId) ?? p.playerId, me: false })),
    });
  } else {
    $('state').textContent = JSON.stringify(state, null, 2);
  }
}

/** The room's own log of what happened to it (seats, moves, phases, operators' actions), newest first as the API gives it. */
function showEvents(events) {
  $('events').replaceChildren(...events.map((event) => {
    const item = document.createElement('li');
    item.dataset.code = event.code;
    const at = document.createElement('time');
    at.dateTime = event.at;
    at.textContent = new Date(event.at).toLocaleTimeString([], { hour12: false });
    const code = document.createElement('code');
    code.textContent = event.code;
    item.append(at, code, document.createTextNode(event.text));
    return item;
  }));
}

async function act(path, body, done) {
  if (!confirm(`${done}?`)) return;
  try {
    await api('POST', path, body);
    banner(done, true);
    await refreshRooms();
  } catch (error) {
    banner(error.message);
  }
}

async function findPlayers(query) {
  const list = $('player-matches');
  list.replaceChildren();
  for (const match of await api('GET', `/players?query=${encodeURIComponent(query)}`)) {
    const item = document.createElement('li');
    item.textContent = `${match.name} (${match.playerId}) · ${match.foundIn}`;
    item.addEventListener('click', () => showPlayer(match.playerId));
    list.append(item);
  }
}

async function showPlayer(playerId) {
  const view = await api('GET', `/players/${playerId}`);
  const { profile } = view;
  const panel = $('player');
  panel.hidden = false;
  panel.textContent = `${profile.name} (${profile.playerId}) · ${view.connected ? `connected, rtt ${view.rttMs ?? '?'} ms` : 'offline'}`
    + ` · room ${view.currentRoom ?? 'none'} · ${profile.gamesPlayed} games, ${profile.wins} wins, best ${profile.bestScore}`;
  if (view.currentRoom) watch(view.currentRoom);
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  app.key = $('key').value.trim();
  sessionStorage.setItem('adminKey', app.key);
  signIn();
});
$('player-form').addEventListener('submit', (event) => {
  event.preventDefault();
  findPlayers($('player-query').value.trim()).catch((error) => banner(error.message));
});
$('close-room').addEventListener('click', () => act(`/rooms/${app.roomId}/close`, { reason: 'the room was closed by an operator' }, `closed room ${app.roomId}`));
$('move-room').addEventListener('click', () => act(`/rooms/${app.roomId}/move`, { silo: $('move-target').value }, `moved room ${app.roomId}`));
$('reset-leaderboard').addEventListener('click', () => act('/leaderboard/reset', undefined, 'reset the leaderboard'));

setInterval(() => refreshRooms().catch((error) => banner(error.message)), 2000);
setInterval(() => refreshRoom(), 200);
if (app.key) signIn();
