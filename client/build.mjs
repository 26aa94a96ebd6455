// Builds the browser game: bundles src/game/main.js (with the SDK and SignalR) into app.js and copies the
// static files, overwriting in place so that a server reading the folder never sees it empty.
// Usage: node build.mjs [--outdir DIR] (default: dist). The gateway build passes its wwwroot.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' }, dev: { type: 'boolean' } } });
const outdir = resolve(values.outdir);

await mkdir(outdir, { recursive: true });
const result = await build({
  entryPoints: [join(here, 'src/game/main.js')],
  outfile: join(outdir, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: !values.dev,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});
for (const file of ['index.html', 'style.css', 'favicon.svg']) {
  await copyFile(join(here, 'src/game', file), join(outdir, file));
}
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`client built into ${outdir} (${Math.round(bytes / 1024)} KiB)`);
