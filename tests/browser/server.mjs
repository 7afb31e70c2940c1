// Starts `samla serve --demo` on a free loopback port with a fresh data directory, waits
// until it is ready, reads the demo accounts it prints, and stops it again.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROLES = ['admin', 'coordinator', 'group_leader', 'secretary', 'user_representative', 'analyst'];
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

const READY_TIMEOUT_MS = 30_000;
const DEMO_LINE = /demo account: role=(\S+) email=(\S+) password=(.+?)\s*$/;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the server. `name` names its log file under artifacts/.
 * Returns { baseUrl, accounts: { role: { email, password } }, stop() }.
 */
export async function startServer(name = 'server') {
  const bin = process.env.SAMLA_BIN;
  if (!bin) throw new Error('SAMLA_BIN is not set: run tests/browser/run.sh PATH_TO_SAMLA_BINARY');
  const dataDir = mkdtempSync(join(tmpdir(), 'samla-browser-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const env = { ...process.env };
  delete env.SAMLA_DATABASE_URL;
  if (process.env.SAMLA_TEST_DATABASE_URL) env.SAMLA_DATABASE_URL = process.env.SAMLA_TEST_DATABASE_URL;

  mkdirSync(ARTIFACTS, { recursive: true });
  const log = createWriteStream(join(ARTIFACTS, `${name}.log`));
  const child = spawn(
    resolve(bin),
    ['serve', '--demo', '--bind', `127.0.0.1:${port}`, '--data-dir', dataDir],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const accounts = {};
  let stdoutRest = '';
  let stderrText = '';
  let exited = null;
  child.stdout.on('data', (chunk) => {
    log.write(chunk);
    stdoutRest += chunk.toString('utf8');
    const lines = stdoutRest.split('\n');
    stdoutRest = lines.pop();
    for (const line of lines) {
      const m = line.replace(ANSI, '').match(DEMO_LINE);
      if (m) accounts[m[1]] = { email: m[2], password: m[3] };
    }
  });
  child.stderr.on('data', (chunk) => {
    log.write(chunk);
    if (stderrText.length < 200_000) stderrText += chunk.toString('utf8');
  });
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => { exited = { code, signal }; r(); }));

  async function stop() {
    process.off('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      await Promise.race([exitPromise, sleep(5_000)]);
      if (!exited) {
        child.kill('SIGKILL');
        await exitPromise;
      }
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let ready = false;
  let lastStatus = 'no answer';
  while (Date.now() < deadline && !exited) {
    if (!ready) {
      try {
        const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
        lastStatus = `HTTP ${res.status}`;
        await res.arrayBuffer();
        ready = res.status === 200;
      } catch (e) {
        lastStatus = e.cause?.code ?? e.message;
      }
    }
    if (ready && ROLES.every((role) => accounts[role])) {
      return { baseUrl, accounts, dataDir, stop };
    }
    await sleep(200);
  }

  const missing = ROLES.filter((role) => !accounts[role]);
  const inStderr = missing.filter((role) => stderrText.includes(`role=${role}`));
  await stop();
  const why = [];
  if (exited) why.push(`the server exited (code ${exited.code}, signal ${exited.signal})`);
  if (!ready) why.push(`GET /readyz never answered 200 (last: ${lastStatus})`);
  if (missing.length) {
    why.push(`no "demo account: role=... email=... password=..." line on stdout for: ${missing.join(', ')}`);
    if (inStderr.length) why.push(`(lines for ${inStderr.join(', ')} went to stderr instead of stdout)`);
  }
  throw new Error(`samla did not become ready (waited up to ${READY_TIMEOUT_MS / 1000} s): ${why.join('; ')}\n` +
    `stderr (tail):\n${stderrText.slice(-3000)}`);
}
