// Measures what the server sends per player-second in the arena, by protocol and state encoding: a gateway (pinned
// to CPU 0 when taskset is present, by the caller) and the SDK's bots behind a TCP proxy that counts the bytes
// flowing from the server to the bots.
//
//   taskset -c 1 node test/support/measure-state-bytes.mjs [--bots 40] [--seconds 20]
//
// GATEWAY_DLL as for the suites; the gateway is started with `taskset -c 0` when available.
import { spawnSync } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { parseArgs } from 'node:util';
import { runBots } from '../../bot.js';
import { startGateway } from './gateway.js';

const { values } = parseArgs({ options: { bots: { type: 'string', default: '40' }, seconds: { type: 'string', default: '20' } } });
const bots = Number.parseInt(values.bots, 10);
const seconds = Number.parseFloat(values.seconds);
const pinned = spawnSync('taskset', ['--version']).status === 0;

function countingProxy(targetPort) {
  const counter = { down: 0 };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    upstream.on('data', (chunk) => { counter.down += chunk.length; });
    client.pipe(upstream);
    upstream.pipe(client);
    for (const socket of [client, upstream]) socket.on('error', () => {});
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return new Promise((resolveProxy) => server.listen(0, '127.0.0.1', () => resolveProxy({
    url: `http://127.0.0.1:${server.address().port}`, counter, close: () => new Promise((r) => server.close(r)),
  })));
}

const gateway = await startGateway();
if (pinned) spawnSync('taskset', ['-a', '-p', '-c', '0', String(gateway.pid)]);
const rows = [];
try {
  for (const protocol of ['json', 'msgpack']) {
    for (const stateEncoding of ['full', 'delta']) {
      const proxy = await countingProxy(gateway.port);
      const results = await runBots({ url: proxy.url, bots, seconds, protocol, stateEncoding, namePrefix: `${protocol}-${stateEncoding}` });
      await proxy.close();
      const snapshots = results.reduce((sum, r) => sum + r.snapshots, 0);
      rows.push({ protocol, stateEncoding, bots, seconds, bytes: proxy.counter.down, bytesPerPlayerSecond: Math.round(proxy.counter.down / (bots * seconds)), snapshots, failed: results.filter((r) => r.failed).length });
      console.log(JSON.stringify(rows.at(-1)));
    }
  }
} finally {
  await gateway.stop();
}
