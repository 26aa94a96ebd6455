// Starts a real gateway (standalone mode: co-hosted silo, in-memory storage) as a child process on free
// loopback ports, waits for /healthz (on its operations port) with a bound, and stops it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = resolve(clientDir, '..');

/** The gateway assembly: GATEWAY_DLL, else what the solution build produces. */
export const gatewayDll = resolve(clientDir, process.env.GATEWAY_DLL ?? '../src/Gateway/bin/Debug/net10.0/OrleansGame.Gateway.dll');

/** A free TCP port on 127.0.0.1. */
/**
 * An arena that differs from the defaults in every field a client draws or predicts with: the geometry a join result
 * should carry, and the gateway environment that configures it.
 */
export const smallArena = {
  geometry: { worldWidth: 600, worldHeight: 400, playerRadius: 15, orbRadius: 6, playerSpeed: 300, orbCount: 12, tickMs: 40 },
  env: {
    Arena__WorldWidth: '600', Arena__WorldHeight: '400', Arena__PlayerRadius: '15', Arena__OrbRadius: '6',
    Arena__PlayerSpeed: '300', Arena__OrbCount: '12', Arena__TickInterval: '00:00:00.040',
  },
};

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a gateway; `env` overrides configuration (e.g. `{ Arena__RoundDuration: '00:00:10' }`).
 * @returns {Promise<{ url: string, port: number, operationsUrl: string, logs: () => string, stop: () => Promise<void> }>}
 */
export async function startGateway({ env = {}, startTimeoutMs = 90_000 } = {}) {
  if (!existsSync(gatewayDll)) {
    throw new Error(`gateway not built: ${gatewayDll} is missing (build the solution, or set GATEWAY_DLL)`);
  }
  const [port, siloPort, gatewayPort, operationsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const output = [];
  const child = spawn('dotnet', [gatewayDll, '--urls', url], {
    cwd: resolve(repoRoot, 'src', 'Gateway'),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      DOTNET_NOLOGO: '1',
      Orleans__SiloPort: String(siloPort),
      Orleans__GatewayPort: String(gatewayPort),
      // Health and metrics answer on their own port, never on the game's.
      Operations__Url: `http://127.0.0.1:${operationsPort}`,
      Limits__SessionsPerMinutePerAddress: '10000',
      Limits__QueriesPerMinutePerAddress: '10000',
      Limits__MaxConnectionsPerAddress: '1000',
      // Every test page and bot is 127.0.0.1: one test's flood must not hold back the next test's connections.
      Limits__FloodBackOff: '00:00:00',
      Logging__LogLevel__Default: 'Warning',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  // Never leave a gateway behind, even when the test process ends abruptly.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  exited.then(() => process.off('exit', killOnExit));
  const logs = () => output.join('');

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timeout = new Promise((resolveTimeout) => setTimeout(resolveTimeout, 15_000, 'timeout'));
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  };

  const deadline = Date.now() + startTimeoutMs;
  let exit = null;
  exited.then((value) => { exit = value; });
  while (Date.now() < deadline) {
    if (exit) throw new Error(`gateway exited early (${JSON.stringify(exit)}):\n${logs().slice(-4000)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${operationsPort}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { url, port, operationsUrl: `http://127.0.0.1:${operationsPort}`, pid: child.pid, logs, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  await stop();
  throw new Error(`gateway did not become healthy within ${startTimeoutMs} ms:\n${logs().slice(-4000)}`);
}
