// The packed SDK as someone outside the repository gets it: `npm pack`, a scratch project in a temporary folder
// installs the tarball (its dependencies from the local npm cache or the registry), imports it by name, type-checks
// against its declarations, and joins a room of a real gateway with `joinOrCreate`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { startGateway } from './support/gateway.js';

const run = promisify(execFile);
const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// A nested npm must not inherit the settings of an `npm test` that runs this file (its local prefix is client/).
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) =>
  !name.startsWith('npm_') || ['npm_config_cache', 'npm_config_userconfig', 'npm_config_registry', 'npm_config_cafile'].includes(name)));

let folder;
let gateway;
let tarball;

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'orleansgame-pack-'));
  gateway = await startGateway();
});

after(async () => {
  await gateway?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function npm(args, cwd, timeout = 240_000) {
  try {
    return await run('npm', args, { cwd, env: npmEnv, timeout, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    assert.fail(`npm ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

test('npmPack_Client_TarballHoldsTheSdkTypesAndReadmeOnly', async () => {
  const { stdout } = await npm(['pack', '--json', '--pack-destination', folder], clientDir);
  const [packed] = JSON.parse(stdout);
  tarball = join(folder, packed.filename);
  assert.deepEqual(await readdir(folder), [packed.filename]);
  const files = packed.files.map((file) => file.path);
  for (const needed of ['package.json', 'README.md', 'src/sdk/index.js', 'src/sdk/connection.js', 'src/sdk/room-handle.js',
    'types/index.d.ts', 'types/arena.d.ts', 'types/four-in-a-row.d.ts', 'types/protocol.d.ts']) {
    assert.ok(files.includes(needed), `${needed} missing from ${files.join(', ')}`);
  }
  const unwanted = files.filter((file) => /^(src\/game|test|node_modules|dist)\//.test(file) || file === 'build.mjs');
  assert.deepEqual(unwanted, []);
});

test('scratchProject_InstallsTheTarball_TypeChecksAndJoinsOrCreatesARoom', async () => {
  assert.ok(tarball, 'the pack test ran first');
  const scratch = join(folder, 'scratch');
  await run('mkdir', [scratch]);
  await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true, type: 'module' }));
  await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], scratch);

  // The declarations resolve from node_modules through the package's "exports".
  await writeFile(join(scratch, 'check.ts'), [
    "import { connect, type FourInARowState } from 'orleansgame-client';",
    'export async function play(token: string): Promise<FourInARowState | undefined> {',
    "  const room = await (await connect({ token })).joinOrCreate('four-in-a-row');",
    "  await room.send('Drop', { column: 3 });",
    '  // @ts-expect-error a column is a number',
    "  await room.send('Drop', { column: 'three' });",
    '  return room.joinResult.state;',
    '}',
    '',
  ].join('\n'));
  await writeFile(join(scratch, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: true },
    files: ['check.ts'],
  }));
  await run(process.execPath, [tsc, '-p', '.', '--pretty', 'false'], { cwd: scratch, timeout: 120_000 })
    .catch((error) => assert.fail(`tsc in the scratch project failed:\n${error.stdout}${error.stderr}`));

  await writeFile(join(scratch, 'main.mjs'), [
    "import { createSession, connect } from 'orleansgame-client';",
    'const url = process.argv[2];',
    "const session = await createSession('Packed', url);",
    'const game = await connect({ token: session.token, url, reconnect: false });',
    "const room = await game.joinOrCreate('arena', { properties: { map: 'packed' } });",
    'const state = await new Promise((resolve, reject) => {',
    "  const timer = setTimeout(() => reject(new Error('no state within 10 s')), 10_000);",
    '  const off = room.onState((snapshot) => { clearTimeout(timer); off(); resolve(snapshot); });',
    '});',
    'await room.leave();',
    'await game.stop();',
    'console.log(JSON.stringify({ id: room.id, mode: room.mode, playerId: session.playerId, stateRoom: state.roomId, players: state.players.map((p) => p.playerId) }));',
    '',
  ].join('\n'));
  const { stdout } = await run(process.execPath, ['main.mjs', gateway.url], { cwd: scratch, timeout: 60_000 })
    .catch((error) => assert.fail(`the scratch program failed:\n${error.stdout}${error.stderr}\n${gateway.logs().slice(-2000)}`));
  const result = JSON.parse(stdout.trim().split('\n').at(-1));
  assert.equal(result.mode, 'arena');
  assert.match(result.id, /^[a-z0-9]{6}$/);
  assert.equal(result.stateRoom, result.id);
  assert.deepEqual(result.players, [result.playerId]);
});
