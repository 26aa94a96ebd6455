#!/usr/bin/env node
/**
 * Bots that play OrleansGame through the SDK: each creates a session, joins a room, steers toward the nearest
 * orb and answers pings (the SDK does that), for a bounded time.
 *
 *   node client/bot.js --url http://127.0.0.1:5000 --bots 4 --seconds 30 [--protocol msgpack] [--state full] [--room k3x9qa]
 *
 * Bots take compact state (`stateEncoding: 'delta'`) unless `--state full` says otherwise.
 *
 * Also importable: `runBots(options)` resolves with one stats object per bot.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { connect, createSession, directionChanged, directionTo, nearest } from './src/sdk/index.js';

/**
 * Options of {@link runBot} and {@link runBots}.
 * @typedef {object} BotOptions
 * @property {string} url the server's base address
 * @property {number} [seconds] how long each bot plays (default 30)
 * @property {'json' | 'msgpack'} [protocol]
 * @property {'full' | 'delta'} [stateEncoding] how state arrives (default `delta`, the compact encoding)
 * @property {string | null} [room] a room code to join, or null for quick join
 * @property {string} [name] the bot's name
 * @property {number} [steerMs] how often the bot reconsiders its direction (default 100 ms)
 * @property {AbortSignal} [signal] stops the bot early
 */

/**
 * Runs one bot until its time is up or the signal aborts.
 * @param {BotOptions} options
 * @returns {Promise<{name: string, playerId: string, roomId: string | null, inputs: number, snapshots: number, pings: number, errors: string[], score: number, closing: object | null}>}
 */
export async function runBot({ url, seconds = 30, protocol = 'json', stateEncoding = 'delta', room = null, name = 'Bot', steerMs = 100, signal }) {
  const session = await createSession(name, url);
  const game = await connect({ token: session.token, url, protocol, stateEncoding });
  const stats = {
    name: session.name,
    playerId: session.playerId,
    roomId: null,
    inputs: 0,
    snapshots: 0,
    pings: 0,
    errors: [],
    score: 0,
    closing: null,
  };
  game.on('snapshot', () => { stats.snapshots += 1; });
  game.on('ping', () => { stats.pings += 1; });
  game.on('error', (error) => { stats.errors.push(error.code); });
  game.on('closing', (closing) => { stats.closing = closing; });
  try {
    const joined = await game.joinRoom(room);
    stats.roomId = joined.roomId;
    let seq = 0;
    let heading = { dx: 0, dy: 0 };
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() < deadline && !signal?.aborted && game.state !== 'Disconnected') {
      const me = game.room?.me;
      if (me) {
        const target = pickOrb(me, game.room);
        const wanted = target ? directionTo(me, target) : { dx: 0, dy: 0 };
        if (directionChanged(wanted, heading) && game.connected) {
          seq += 1;
          heading = wanted;
          await game.input(seq, wanted.dx, wanted.dy).catch(() => {});
          stats.inputs += 1;
        }
        stats.score = me.score;
      }
      await sleep(Math.min(steerMs, Math.max(0, deadline - Date.now())), signal);
    }
    if (game.connected) await game.leaveRoom().catch(() => {});
  } finally {
    await game.stop();
  }
  return stats;
}

/**
 * Runs several bots in parallel (names `Bot 1`, `Bot 2`, ...).
 * @param {BotOptions & { bots?: number, namePrefix?: string }} options
 * @returns {Promise<Array<object>>} each bot's stats, or `{ name, failed }` for a bot that could not play
 */
export async function runBots({ bots = 4, namePrefix = 'Bot', ...options }) {
  const runs = Array.from({ length: bots }, (_, index) =>
    runBot({ ...options, name: `${namePrefix} ${index + 1}` })
      .catch((error) => ({ name: `${namePrefix} ${index + 1}`, failed: `${error.code ?? 'error'}: ${error.message}` })));
  return Promise.all(runs);
}

// The nearest orb that no other player is closer to (so bots spread out instead of chasing one orb in
// a pack), else simply the nearest orb.
function pickOrb(me, room) {
  const others = [...room.players.values()].filter((p) => p.playerId !== me.playerId && !p.away);
  const distance = (a, b) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
  const mine = [...room.orbs.values()].filter((orb) => others.every((other) => distance(other, orb) > distance(me, orb)));
  return nearest(me, mine.length > 0 ? mine : room.orbs.values());
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:5000' },
      bots: { type: 'string', default: '4' },
      seconds: { type: 'string', default: '30' },
      protocol: { type: 'string', default: 'json' },
      state: { type: 'string', default: 'delta' },
      room: { type: 'string' },
      name: { type: 'string', default: 'Bot' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: node bot.js [--url http://127.0.0.1:5000] [--bots 4] [--seconds 30] [--protocol json|msgpack] [--state delta|full] [--room CODE] [--name Bot]');
    return;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const started = Date.now();
  const results = await runBots({
    url: values.url,
    bots: Number.parseInt(values.bots, 10),
    seconds: Number.parseFloat(values.seconds),
    protocol: values.protocol,
    stateEncoding: values.state,
    room: values.room ?? null,
    namePrefix: values.name,
    signal: controller.signal,
  });
  for (const result of results) console.log(JSON.stringify(result));
  const failed = results.filter((result) => result.failed).length;
  console.log(`bots: ${results.length - failed} played, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
