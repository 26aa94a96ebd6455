// The game page in headless Chromium (Debian's /usr/bin/chromium through playwright-core) against a real
// gateway serving the built page. Bots on the SDK fill a public room so that there is a game to join.
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { runBot } from '../bot.js';
import { repoRoot, smallArena, startGateway } from './support/gateway.js';
import { startProxy } from './support/proxy.js';
import { waitUntil } from './support/wait.js';

const screenshots = process.env.SCREENSHOT_DIR ?? join(repoRoot, 'test-output', 'screenshots');
const docsImages = join(repoRoot, 'docs', 'images');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let gateway;
let browser;
const bots = new AbortController();
let botRuns = [];
const pageErrors = [];

before(async () => {
  await mkdir(screenshots, { recursive: true });
  // Short rounds so that rounds finish (leaderboard, results) while the suite runs.
  gateway = await startGateway({ env: { Arena__RoundDuration: '00:00:10', Arena__ResultsDuration: '00:00:02' } });
  botRuns = ['Nova', 'Pixel', 'Comet'].map((name) =>
    runBot({ url: gateway.url, name, seconds: 170, signal: bots.signal, steerMs: 80 }));
  // launch() gives the browser a fresh temporary user-data-dir of its own.
  browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true, timeout: 30_000 });
});

after(async () => {
  bots.abort();
  await Promise.allSettled(botRuns);
  await browser?.close();
  await gateway?.stop();
});

// What the browser itself reports when a connection fails: expected while the network is cut, not a page error.
const networkFailure = /^(Failed to load resource: net::ERR_|WebSocket connection to '.*' failed)/;

async function newPage(viewport = { width: 1280, height: 800 }, device = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, ...device });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The hub's WebSockets and what they carried, to check the page plays on the compact protocol.
  page.hub = { urls: [], binaryFrames: 0, textFrames: 0, deltas: 0, keyframes: 0 };
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/hubs/game')) return;
    page.hub.urls.push(socket.url());
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string') {
        page.hub.textFrames += 1;
        return;
      }
      page.hub.binaryFrames += 1;
      if (payload.includes('Delta')) page.hub.deltas += 1;
      if (payload.includes('Keyframe')) page.hub.keyframes += 1;
    });
  });
  return page;
}

/** Collects a page's uncaught errors and its console errors, but for the browser's reports of failed connections. */
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !networkFailure.test(message.text())) errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

async function enterName(page, name, path = '/', base = gateway.url) {
  await page.goto(base + path);
  await page.locator('#name-input').fill(name);
  await page.locator('#name-submit').click();
}

const state = (page) => page.evaluate(() => ({
  screen: globalThis.orbArena.screen,
  roomId: globalThis.orbArena.roomId,
  playerId: globalThis.orbArena.playerId,
  me: globalThis.orbArena.me,
  players: globalThis.orbArena.players,
  phase: globalThis.orbArena.phase,
  remainingMs: globalThis.orbArena.remainingMs,
  mode: globalThis.orbArena.mode,
  arena: globalThis.orbArena.arena,
}));

async function shot(page, name, { toDocs = false } = {}) {
  const file = join(screenshots, name);
  await page.screenshot({ path: file });
  // UPDATE_DOCS_IMAGES=1 refreshes the committed copies in docs/images.
  if (toDocs && process.env.UPDATE_DOCS_IMAGES === '1') {
    await mkdir(docsImages, { recursive: true });
    await copyFile(file, join(docsImages, name));
  }
  return file;
}

describe('game page', () => {
  let first;
  let roomId;

  test('page_EnterName_ShowsLobbyWithRoomsAndLeaderboard', async () => {
    first = await newPage();
    await enterName(first, 'Alice');
    await first.locator('#screen-lobby').waitFor({ state: 'visible' });
    assert.equal(await first.locator('#lobby-name').textContent(), 'Alice');
    const saved = await first.evaluate(() => JSON.parse(localStorage.getItem('orleansgame.session')));
    assert.equal(saved.name, 'Alice');
    assert.ok(saved.token);
    // The bots' public room is listed; a finished round puts players on the leaderboard.
    await first.locator('#rooms-list li').first().waitFor({ state: 'visible', timeout: 20_000 });
    await first.locator('#leaderboard-body tr').first().waitFor({ state: 'visible', timeout: 40_000 });
    await shot(first, 'lobby.png', { toDocs: true });
  });

  test('page_QuickJoin_ArenaDrawsAndChanges', async () => {
    await first.locator('#quick-join').click();
    await first.locator('#screen-game').waitFor({ state: 'visible' });
    const joined = await waitUntil(async () => {
      const s = await state(first);
      return s.me && s.roomId ? s : null;
    }, { what: 'own player in a snapshot' });
    roomId = joined.roomId;
    assert.match(roomId, /^[a-z0-9]{6}$/);
    assert.ok(new URL(first.url()).searchParams.get('room') === roomId, 'the address bar carries the room');
    assert.ok(joined.players.length >= 2, 'the bots are in the room');
    const canvas = first.locator('#arena');
    const before = await canvas.screenshot();
    const after = await waitUntil(async () => {
      const next = await canvas.screenshot();
      return next.equals(before) ? null : next;
    }, { timeoutMs: 5000, what: 'the canvas to change' });
    assert.notDeepEqual(after, before);

    // It plays on the compact protocol: MessagePack (binary frames after the handshake) with keyframe and deltas.
    assert.ok(first.hub.urls.some((url) => new URL(url).searchParams.get('stateEncoding') === 'delta'), `hub URLs: ${first.hub.urls.join(', ')}`);
    await waitUntil(() => first.hub.keyframes >= 1 && first.hub.deltas >= 20, { what: 'a keyframe and deltas over MessagePack' });
    assert.ok(first.hub.binaryFrames > first.hub.textFrames, `binary ${first.hub.binaryFrames}, text ${first.hub.textFrames}`);
  });

  test('page_KeyboardSteering_OwnPlayerMoves', async (t) => {
    // Steer during a playing phase with time left (players stand still on the results screen).
    await waitUntil(async () => {
      const s = await state(first);
      return s.phase === 'playing' && s.remainingMs > 5000;
    }, { timeoutMs: 20_000, what: 'a playing phase with time left' });
    const start = (await state(first)).me;
    const key = start.x > 500 ? 'ArrowLeft' : 'ArrowRight';
    await first.locator('#arena').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await first.keyboard.down(key);
    const errors = [];
    try {
      await waitUntil(async () => {
        const me = (await state(first)).me;
        errors.push(await first.evaluate(() => globalThis.orbArena.predictionError));
        return me.ackSeq > start.ackSeq && Math.abs(me.x - start.x) > 150 ? me : null;
      }, { timeoutMs: 5000, what: 'the own player to move' });
    } finally {
      await first.keyboard.up(key);
    }
    const measured = errors.filter((e) => typeof e === 'number');
    t.diagnostic(`prediction error while steering (units): max ${Math.max(...measured).toFixed(1)}, mean ${(measured.reduce((a, b) => a + b, 0) / measured.length).toFixed(1)} over ${measured.length} samples`);
    const me = (await state(first)).me;
    assert.equal(Math.sign(me.x - start.x), key === 'ArrowRight' ? 1 : -1);
  });

  test('page_SecondPlayerByLink_BothSeeEachOtherAndChat', async () => {
    const second = await newPage();
    await enterName(second, 'Bob', `/?room=${roomId}`);
    const bob = await waitUntil(async () => {
      const s = await state(second);
      return s.screen === 'game' && s.roomId === roomId && s.me ? s : null;
    }, { timeoutMs: 15_000, what: 'Bob in the room' });
    await waitUntil(async () => (await state(first)).players.includes(bob.playerId), { what: 'Alice to see Bob' });
    assert.ok(bob.players.includes((await state(first)).playerId), 'Bob sees Alice');
    await waitUntil(async () => (await first.locator('#scoreboard-body').textContent()).includes('Bob'), { what: 'Bob on the scoreboard' });

    await first.locator('#chat-input').fill('hello from Alice');
    await first.locator('#chat-input').press('Enter');
    await second.locator('#chat-log li', { hasText: 'hello from Alice' }).waitFor({ state: 'visible' });

    await second.keyboard.down('ArrowDown');
    // Mid-round, so that scores are on the board.
    await waitUntil(async () => {
      const s = await state(first);
      return s.phase === 'playing' && s.remainingMs < 6500 && s.remainingMs > 2000;
    }, { timeoutMs: 20_000, what: 'the middle of a round for the match screenshot' });
    await shot(first, 'match.png', { toDocs: true });
    await second.keyboard.up('ArrowDown');

    // A reload within the reconnect window resumes the seat (the server pushes RoomState).
    await second.reload();
    await waitUntil(async () => {
      const s = await state(second);
      return s.screen === 'game' && s.roomId === roomId && s.playerId === bob.playerId && s.me && !s.me.away;
    }, { timeoutMs: 20_000, what: 'Bob back in his seat after a reload' });
    const banner = second.locator('#banner');
    if (await banner.isVisible()) assert.match(await banner.getAttribute('class'), /info/, 'an error banner after resuming');
    await second.context().close();
  });

  test('page_InvalidRoomLink_ShowsErrorBanner', async () => {
    const page = await newPage();
    await enterName(page, 'Carol', '/?room=zz9zz9');
    await page.locator('#banner', { hasText: 'room_not_found' }).waitFor({ state: 'visible' });
    assert.equal((await state(page)).screen, 'lobby');
    await page.context().close();
  });

  test('page_PhoneViewport_NoHorizontalScroll', async () => {
    const page = await newPage({ width: 390, height: 844 }, { isMobile: true, hasTouch: true });
    // Over MessagePack this time: the browser bundle carries both protocols.
    await enterName(page, 'Dana', '/?protocol=msgpack');
    await page.locator('#screen-lobby').waitFor({ state: 'visible' });
    await page.locator('#quick-join').click();
    await waitUntil(async () => (await state(page)).me, { what: 'Dana in a room' });
    assert.match(await page.locator('#stage-hint').textContent(), /Touch/);
    const overflow = await page.evaluate(() => globalThis.document.documentElement.scrollWidth - globalThis.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await shot(page, 'phone.png', { toDocs: true });
    await page.context().close();
  });

  test('page_NoScriptErrors', () => {
    assert.deepEqual(pageErrors, []);
  });
});

// The page behind a TCP proxy whose connections are cut, on a gateway of its own with a short seat hold.
describe('network drops', () => {
  const seatHoldSeconds = 4;
  let dropGateway;
  let proxy;

  before(async () => {
    dropGateway = await startGateway({ env: { Arena__ReconnectWindow: `00:00:0${seatHoldSeconds}` } });
    proxy = await startProxy(dropGateway.port);
  });

  after(async () => {
    await proxy?.close();
    await dropGateway?.stop();
  });

  async function seatedPage(name) {
    const page = await newPage();
    const errors = watchErrors(page);
    await enterName(page, name, '/', proxy.url);
    await page.locator('#quick-join').click();
    return waitUntil(async () => {
      const s = await state(page);
      return s.screen === 'game' && s.me ? { page, seated: s, errors } : null;
    }, { timeoutMs: 15_000, what: `${name} in a room` });
  }

  const bannerText = (page) => page.evaluate(() => {
    const banner = globalThis.document.getElementById('banner');
    return banner.hidden ? '' : banner.textContent;
  });

  test('page_NetworkDrop_ReconnectsIntoTheSameSeat', async () => {
    const { page, seated, errors } = await seatedPage('Dropper');
    assert.ok(proxy.dropAll() > 0, 'no connection to drop');

    await waitUntil(async () => (await bannerText(page)).includes('back in your seat'), { timeoutMs: 15_000, what: 'the reconnected banner' });
    const back = await waitUntil(async () => {
      const s = await state(page);
      return s.screen === 'game' && s.me && !s.me.away ? s : null;
    }, { timeoutMs: 10_000, what: 'the own player back, not away' });
    assert.equal(back.roomId, seated.roomId);
    assert.equal(back.playerId, seated.playerId);
    assert.deepEqual(errors, [], 'the page reported errors across the drop');
    await page.context().close();
  });

  test('page_DropLongerThanTheSeatHold_BackInTheLobbyWithABanner', async () => {
    const { page, errors } = await seatedPage('Wanderer');
    assert.ok(proxy.cut((seatHoldSeconds + 4) * 1000) > 0, 'no connection to cut');

    await waitUntil(async () => (await state(page)).screen === 'lobby', { timeoutMs: 30_000, what: 'the lobby after the seat was lost' });
    assert.match(await bannerText(page), /lost your seat/);
    await page.locator('#quick-join').click();
    await waitUntil(async () => {
      const s = await state(page);
      return s.screen === 'game' && s.me ? s : null;
    }, { timeoutMs: 15_000, what: 'a new seat after quick join' });
    assert.deepEqual(errors, [], 'the page reported errors across the cut');
    await page.context().close();
  });
});

// A gateway whose arena differs from the defaults in every field the page draws or predicts with.
describe('server geometry', () => {
  const configured = smallArena.geometry;
  const wall = configured.worldWidth - configured.playerRadius;
  let small;

  before(async () => {
    small = await startGateway({ env: smallArena.env });
  });

  after(async () => {
    await small?.stop();
  });

  test('page_ServerArenaOfAnotherSize_DrawsAndPredictsThatWorld', async () => {
    const page = await newPage();
    await enterName(page, 'Surveyor', '/', small.url);
    await page.locator('#quick-join').click();
    const seated = await waitUntil(async () => {
      const s = await state(page);
      return s.screen === 'game' && s.me && s.phase === 'playing' ? s : null;
    }, { timeoutMs: 15_000, what: 'Surveyor playing in a room' });
    assert.equal(seated.mode, 'arena');
    assert.deepEqual(seated.arena, configured);
    const stage = await page.locator('#stage').boundingBox();
    assert.ok(Math.abs(stage.width / stage.height - 1.5) < 0.02, `the stage is ${stage.width} x ${stage.height}, not 3:2`);

    // Held against the right wall, the prediction must stop where the server does, not at the default world's wall.
    const predicted = [];
    const sample = async () => {
      const s = await page.evaluate(() => ({ me: globalThis.orbArena.me, predicted: globalThis.orbArena.predicted }));
      if (s.predicted) predicted.push(s.predicted.x);
      return s;
    };
    await page.locator('#arena').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await page.keyboard.down('ArrowRight');
    try {
      await waitUntil(async () => (await sample()).me.x >= wall - 1, { timeoutMs: 10_000, what: 'the own player at the right wall' });
      const atWall = predicted.length;
      await waitUntil(async () => (await sample()) && predicted.length >= atWall + 10, { what: 'ten samples at the wall' });
    } finally {
      await page.keyboard.up('ArrowRight');
    }
    assert.ok(Math.max(...predicted) <= wall + 1e-6, `predicted up to x = ${Math.max(...predicted)}, the wall is at ${wall}`);
    assert.ok(predicted.at(-1) > wall - 5, `the prediction stayed at ${predicted.at(-1)}, short of the wall at ${wall}`);
    await page.context().close();
    assert.deepEqual(pageErrors, []);
  });
});
