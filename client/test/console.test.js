// The operations console (/admin on the gateway's operations port) in headless Chromium against a real gateway:
// two bots play a room; the console lists it, shows it live with the game's renderer and the room's recent events,
// and kicks one bot, which gets Closing{kicked} (and the room's events say so).
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { runBot } from '../bot.js';
import { repoRoot, startGateway } from './support/gateway.js';
import { waitUntil } from './support/wait.js';

const screenshots = process.env.SCREENSHOT_DIR ?? join(repoRoot, 'test-output', 'screenshots');
const docsImages = join(repoRoot, 'docs', 'images');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const operatorKey = 'console-test-operator-key-0123456789abcdef';
const readOnlyKey = 'console-test-read-only-key-0123456789abcdef';

let gateway;
let browser;
const bots = new AbortController();
let botRuns = [];

before(async () => {
  await mkdir(screenshots, { recursive: true });
  gateway = await startGateway({
    env: {
      Admin__Keys__0__Name: 'olga', Admin__Keys__0__Key: operatorKey, Admin__Keys__0__Role: 'Operator',
      Admin__Keys__1__Name: 'rita', Admin__Keys__1__Key: readOnlyKey, Admin__Keys__1__Role: 'ReadOnly',
    },
  });
  botRuns = ['Nova', 'Pixel'].map((name) => runBot({ url: gateway.url, name, seconds: 120, signal: bots.signal, steerMs: 80 }));
  browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'], headless: true, timeout: 30_000 });
});

after(async () => {
  bots.abort();
  await Promise.allSettled(botRuns);
  await browser?.close();
  await gateway?.stop();
});

async function rooms(key) {
  const response = await fetch(`${gateway.operationsUrl}/admin/api/rooms`, { headers: { 'X-Admin-Key': key } });
  assert.equal(response.status, 200);
  return response.json();
}

test('the console lists the bots\' room, watches it live and kicks a bot, who gets Closing{kicked}', async () => {
  await waitUntil(async () => (await rooms(readOnlyKey)).some((r) => r.players === 2), { timeoutMs: 20_000, what: 'the bots sharing a room' });
  const room = (await rooms(readOnlyKey)).find((r) => r.players === 2);

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 940 }, deviceScaleFactor: 1 })).newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(`${gateway.operationsUrl}/admin`);
  await page.locator('#key').fill(operatorKey);
  await page.locator('#key-form button').click();
  await page.locator('#who').filter({ hasText: 'olga (Operator)' }).waitFor();
  await page.locator(`#rooms tr[data-room-id="${room.roomId}"]`).click();
  await page.locator('#members tbody tr').nth(1).waitFor();
  assert.equal(await page.locator('#members tbody tr').count(), 2);
  assert.ok(await page.locator('#arena').isVisible(), 'the arena is drawn');
  // The room's recent events, newest first: it was opened, then each bot joined.
  await page.locator('#events li[data-code="member_joined"]').nth(1).waitFor();
  const story = await page.locator('#events li').evaluateAll((items) => items.map((li) => li.dataset.code));
  const joins = story.filter((code) => code === 'member_joined');
  assert.equal(joins.length, 2, `the events: ${story.join(', ')}`);
  assert.ok(story.lastIndexOf('room_opened') > story.lastIndexOf('member_joined'), `opened before the joins, listed after: ${story.join(', ')}`);
  // A second of frames (20 ticks), so the players have moved and orbs have been learned.
  const tickOf = async () => Number(/tick (\d+)/.exec(await page.locator('#room-meta').textContent())?.[1] ?? 0);
  const firstTick = await tickOf();
  await waitUntil(async () => (await tickOf()) >= firstTick + 20, { timeoutMs: 10_000, what: 'twenty ticks of the live view' });
  const file = join(screenshots, 'console.png');
  await page.screenshot({ path: file });
  if (process.env.UPDATE_DOCS_IMAGES === '1') {
    await mkdir(docsImages, { recursive: true });
    await copyFile(file, join(docsImages, 'console.png'));
  }

  const kicked = await page.locator('#members tbody tr').nth(1).getAttribute('data-player-id');
  await page.locator('#members tbody tr').nth(1).locator('button', { hasText: 'Kick' }).click();
  await page.locator('#banner.ok').waitFor();
  // The kicked bot's run ends with its connection; the other plays on.
  const bot = await Promise.race(botRuns);
  assert.equal(bot.playerId, kicked);
  assert.equal(bot?.closing?.reason, 'kicked', `the kicked bot's closing: ${JSON.stringify(bot?.closing)}`);
  await waitUntil(async () => (await page.locator('#members tbody tr').count()) === 1, { timeoutMs: 10_000, what: 'the room showing one member' });
  // The kick heads the room's recent events, with the reason the operator gave.
  const newest = page.locator('#events li').first();
  await waitUntil(async () => (await newest.getAttribute('data-code')) === 'member_kicked', { timeoutMs: 10_000, what: 'the kick among the recent events' });
  assert.match(await newest.textContent(), /kicked by an operator: removed by an operator/);
  assert.match(await newest.textContent(), new RegExp(kicked));
  assert.deepEqual(errors, []);
});

test('a read-only key sees the console with its actions disabled', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${gateway.operationsUrl}/admin`);
  await page.locator('#key').fill(readOnlyKey);
  await page.locator('#key-form button').click();
  await page.locator('#who').filter({ hasText: 'rita (ReadOnly)' }).waitFor();
  assert.ok(await page.locator('#reset-leaderboard').isDisabled());
  assert.ok(await page.locator('#close-room').isDisabled());
});
