// The client's code passes its checked-in ESLint configuration.
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

test('eslint_ClientSources_ReportNoProblems', async () => {
  const eslint = new ESLint({ cwd: clientDir });
  const results = await eslint.lintFiles(['.']);
  const problems = results.flatMap((result) => result.messages.map((m) => `${result.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
  assert.deepEqual(problems, []);
  assert.ok(results.length >= 15, `only ${results.length} files linted`);
});
