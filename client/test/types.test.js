// The TypeScript declarations shipped with the package: a typed consumer compiles (and its wrong uses do not), and
// they declare exactly what the JavaScript exports.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';
import ts from 'typescript';
import * as sdk from '../src/sdk/index.js';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

test('tsc_TypedConsumerOfBothModes_CompilesAndItsWrongPayloadsDoNot', async () => {
  // --noEmit over test/types/consumer.ts: each `@ts-expect-error` line must have its error, else tsc fails too.
  const run = promisify(execFile)(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', 'test/types'], { cwd: clientDir, timeout: 120_000 });
  const { stdout, stderr } = await run.catch((error) => assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`));
  assert.equal(`${stdout}${stderr}`.trim(), '');
});

test('declarations_EveryExportOfTheSdk_DeclaredAndNothingMore', () => {
  const entry = resolve(clientDir, 'types', 'index.d.ts');
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(entry));
  // Values only: interfaces and type aliases have no JavaScript counterpart.
  const declared = checker.getExportsOfModule(symbol)
    .filter((exported) => (ts.SymbolFlags.Value & (exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported).flags : exported.flags)) !== 0)
    .map((exported) => exported.name)
    .sort();
  assert.deepEqual(declared, Object.keys(sdk).sort());
});
