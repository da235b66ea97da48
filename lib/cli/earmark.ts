/**
 * Entry point for `npm run earmark -- <command> ...`: the one file that touches `process`;
 * everything else lives in ./run so it can be tested in-process.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { run } from './run';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// `npm run` starts scripts in the package root, so a relative path typed in a subdirectory would
// miss its file; npm keeps the caller's directory in INIT_CWD. The lifecycle check keeps an
// INIT_CWD inherited from some unrelated npm script from redirecting direct runs.
const base =
  process.env.npm_lifecycle_event === 'earmark' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();

// A reader that stops early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2), {
  stdin: readStdin,
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readFile: (p) => readFile(resolve(base, p), 'utf8'),
  fetch: (url, init) => fetch(url, init),
});
