// Four in a Row in headless Chromium (Debian's /usr/bin/chromium through playwright-core) against a real gateway:
// two pages pick the game in the lobby, quick-join into one room and play it to a win by clicking columns, while a
// third page that came in by the room's code (over MessagePack) watches every move.
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { repoRoot, startGateway } from './support/gateway.js';
import { waitUntil } from './support/wait.js';

const screenshots = process.env.SCREENSHOT_DIR ?? join(repoRoot, 'test-output', 'screenshots');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let gateway;
let browser;
const pageErrors = [];

before(async () => {
  await mkdir(screenshots, { recursive: true });
  // A turn clock long enough for a slow machine: nobody should lose on time here.
  gateway = await startGateway({ env: { FourInARow__TurnTime: '00:01:00' } });
  browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true, timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await gateway?.stop();
});

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

async function enterName(page, name, path = '/') {
  await page.goto(gateway.url + path);
  await page.locator('#name-input').fill(name);
  await page.locator('#name-submit').click();
}

const view = (page) => page.evaluate(() => ({
  screen: globalThis.orbArena.screen,
  roomId: globalThis.orbArena.roomId,
  playerId: globalThis.orbArena.playerId,
  mode: globalThis.orbArena.mode,
  four: globalThis.orbArena.four,
}));

async function quickJoinFour(name) {
  const page = await newPage();
  await enterName(page, name);
  await page.locator('#mode-picker [data-mode="four-in-a-row"]').click();
  await page.locator('#quick-join').click();
  const seated = await waitUntil(async () => {
    const s = await view(page);
    return s.screen === 'four' && s.four ? s : null;
  }, { timeoutMs: 15_000, what: `${name} in a Four in a Row room` });
  return { page, seated };
}

describe('four in a row', () => {
  test('four_TwoPagesPlayToAWin_ASpectatorByCodeSeesEveryMove', async () => {
    const alice = await quickJoinFour('Alice');
    assert.equal(alice.seated.mode, 'four-in-a-row');
    assert.equal(alice.seated.four.phase, 'waiting');
    const bob = await quickJoinFour('Bob');
    const roomId = alice.seated.roomId;
    assert.equal(bob.seated.roomId, roomId, 'quick join seats the second player in the game that needs one');

    // The spectator over MessagePack: the state reads the same in both protocols.
    const carol = await newPage();
    await enterName(carol, 'Carol', `/?room=${roomId}&protocol=msgpack`);
    await waitUntil(async () => (await view(carol)).four?.phase === 'playing', { what: 'Carol watching a running game' });
    await carol.locator('#four-spectator').waitFor({ state: 'visible' });
    assert.equal(await alice.page.locator('#four-spectator').isVisible(), false);
    await waitUntil(async () => (await view(alice.page)).four?.spectators === 1, { what: 'Alice to see one spectator' });

    const started = (await view(alice.page)).four;
    const discOf = (page) => started.players.find((p) => p.id === page.playerId)?.disc;
    const first = discOf(alice.seated) === 1 ? alice : bob;
    const second = first === alice ? bob : alice;
    assert.equal(started.turn, first.seated.playerId, 'disc 1 moves first');

    // The first player builds a column at 0, the second stacks beside it at 1: four in a column after seven moves.
    const moves = [[first, 0], [second, 1], [first, 0], [second, 1], [first, 0], [second, 1], [first, 0]];
    for (const [index, [mover, column]] of moves.entries()) {
      await waitUntil(async () => (await view(mover.page)).four?.turn === mover.seated.playerId, { what: `move ${index + 1}'s turn` });
      await mover.page.locator(`#four-board .cell[data-column="${column}"][data-row="0"]`).click();
      // The spectator sees each move as it is made.
      const seen = await waitUntil(async () => {
        const four = (await view(carol)).four;
        return four?.moves === index + 1 ? four : null;
      }, { what: `the spectator to see move ${index + 1}` });
      assert.equal(seen.lastMove.column, column);
    }

    const over = await waitUntil(async () => {
      const four = (await view(carol)).four;
      return four?.phase === 'over' ? four : null;
    }, { what: 'the game to end on the spectator page' });
    assert.equal(over.outcome, 'win');
    assert.equal(over.winner, first.seated.playerId);
    assert.deepEqual(over.winLine.map((c) => c.column), [0, 0, 0, 0]);
    assert.equal(await carol.locator('#four-board .cell.d1').count(), 4);
    assert.equal(await carol.locator('#four-board .cell.d2').count(), 3);
    assert.equal(await carol.locator('#four-board .cell.win').count(), 4);
    await first.page.locator('#four-status', { hasText: 'You win' }).waitFor({ state: 'visible' });
    await carol.locator('#four-status', { hasText: 'wins' }).waitFor({ state: 'visible' });
    assert.equal(await carol.locator('#four-rematch').isVisible(), false, 'a spectator has no rematch button');
    await first.page.screenshot({ path: join(screenshots, 'four.png') });
    if (process.env.UPDATE_DOCS_IMAGES === '1') await copyFile(join(screenshots, 'four.png'), join(repoRoot, 'docs', 'images', 'four.png'));

    // Both ask for a rematch: a new game in which the other player moves first.
    await first.page.locator('#four-rematch').click();
    await second.page.locator('#four-rematch').click();
    const rematch = await waitUntil(async () => {
      const four = (await view(carol)).four;
      return four?.phase === 'playing' && four.moves === 0 ? four : null;
    }, { what: 'the rematch to start' });
    assert.equal(rematch.turn, second.seated.playerId);
    assert.equal(rematch.players.find((p) => p.id === first.seated.playerId).wins, 1);

    for (const page of [alice.page, bob.page, carol]) await page.context().close();
  });

  test('four_LobbyOffersBothGames_TheArenaStaysTheDefault', async () => {
    const page = await newPage();
    await enterName(page, 'Dana');
    await page.locator('#mode-picker [data-mode="four-in-a-row"]').waitFor({ state: 'visible' });
    assert.deepEqual(await page.locator('#mode-picker button').evaluateAll((buttons) => buttons.map((b) => [b.dataset.mode, b.getAttribute('aria-pressed')])),
      [['arena', 'true'], ['four-in-a-row', 'false']]);
    await page.locator('#quick-join').click();
    await waitUntil(async () => (await view(page)).screen === 'game', { what: 'Dana in the arena' });
    assert.equal((await view(page)).mode, 'arena');
    await page.context().close();
  });

  test('four_NoScriptErrors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
