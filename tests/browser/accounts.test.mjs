// The account pages that other suites do not reach: setting up the first administrator
// from the one-time link, inviting a person who then chooses a password, and a new API
// token shown once. Every page met is checked with axe at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './server.mjs';
import { launchBrowser, newContext, submitFormOf, signIn, pathOf, checkPage, assertNoProblems } from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-accounts');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function checked(page, name) {
  assertNoProblems(await checkPage(page, { name, lang: 'nb', where: { page: pathOf(page), role: 'admin', lang: 'nb' } }), name);
}

test('an invited person chooses a password and logs in', async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  await signIn(page, server.accounts.admin);
  await page.goto('/admin/users/new');
  await page.fill('input[name="name"]', 'Ingrid Invitert');
  await page.fill('input[name="email"]', 'ingrid@demo.samla.test');
  await page.check('input[name="roles"][value="coordinator"]');
  const response = await submitFormOf(page, 'input[name="email"]');
  assert.equal(response.status(), 200);
  await checked(page, 'invitation');
  const link = (await page.locator('#invitation-link').innerText()).trim();
  assert.match(link, /\/welcome\/[A-Za-z0-9_-]{40,}$/);

  const invited = await newContext(browser, server.baseUrl);
  const welcome = await invited.newPage();
  assert.equal((await welcome.goto(link)).status(), 200);
  await checked(welcome, 'welcome');
  await welcome.fill('input[name="password"]', 'en lang og god setning');
  await welcome.fill('input[name="repeat_password"]', 'en annen setning her');
  const mismatch = await submitFormOf(welcome, 'input[name="repeat_password"]');
  assert.equal(mismatch.status(), 422);
  assert.ok(await welcome.locator('.error-summary a[href="#repeat_password"]').count());
  await checked(welcome, 'welcome-error');
  await welcome.fill('input[name="password"]', 'en lang og god setning');
  await welcome.fill('input[name="repeat_password"]', 'en lang og god setning');
  await submitFormOf(welcome, 'input[name="repeat_password"]');
  assert.equal(pathOf(welcome), '/login');
  const home = await signIn(welcome, { email: 'ingrid@demo.samla.test', password: 'en lang og god setning' });
  assert.equal(pathOf(welcome), '/', `landed on ${pathOf(welcome)} (${home.status()})`);
  assert.equal((await welcome.goto(link)).status(), 410, 'the link works once');
  await checked(welcome, 'welcome-used');
  await invited.close();
  await context.close();
});

test('a new API token and a calendar address are shown once', async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  await signIn(page, server.accounts.coordinator);
  await page.goto('/account');
  await page.fill('input[name="label"]', 'rapportskript');
  await submitFormOf(page, 'input[name="label"]');
  const token = (await page.locator('#new-token').innerText()).trim();
  assert.match(token, /^samla_/);
  await checked(page, 'token-created');
  await page.goto('/account');
  assert.ok(!(await page.content()).includes(token), 'the secret is not shown again');
  const button = page.locator('form[action="/account/calendar"] button');
  const [feed] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
  assert.equal(feed.status(), 200);
  assert.match((await page.locator('code.secret').innerText()).trim(), /\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
  await checked(page, 'own-calendar-feed');
  await context.close();
});

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

test('the first administrator is created from the one-time setup link', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samla-setup-'));
  const port = await freePort();
  const env = { ...process.env };
  delete env.SAMLA_DATABASE_URL;
  const child = spawn(resolve(process.env.SAMLA_BIN), ['serve', '--bind', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const link = await new Promise((done, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`no setup link on stdout: ${out}`)), 20_000);
      child.stdout.on('data', (chunk) => {
        out += chunk.toString('utf8');
        const found = out.match(/(http:\/\/\S+\/setup\/[A-Za-z0-9_-]+)/);
        if (found) {
          clearTimeout(timer);
          done(found[1]);
        }
      });
    });
    const context = await newContext(browser, `http://127.0.0.1:${port}`);
    const page = await context.newPage();
    assert.equal((await page.goto(link)).status(), 200);
    await checked(page, 'setup');
    await page.fill('input[name="organisation_name"]', 'Bodø kommune');
    await page.fill('input[name="slug"]', 'Bodø!');
    await page.fill('input[name="name"]', 'Åse Admin');
    await page.fill('input[name="email"]', 'ase@bodo.example');
    await page.fill('input[name="password"]', 'password');
    const refused = await submitFormOf(page, 'input[name="password"]');
    assert.equal(refused.status(), 422);
    assert.equal(await page.inputValue('input[name="organisation_name"]'), 'Bodø kommune', 'typed values are kept');
    assert.ok(await page.locator('.error-summary a[href="#slug"]').count());
    assert.ok(await page.locator('.error-summary a[href="#password"]').count());
    await checked(page, 'setup-error');
    await page.fill('input[name="slug"]', 'bodo');
    await page.fill('input[name="password"]', 'nordlys over saltstraumen');
    await submitFormOf(page, 'input[name="password"]');
    assert.equal(pathOf(page), '/login');
    await signIn(page, { email: 'ase@bodo.example', password: 'nordlys over saltstraumen' });
    // A new organisation requires a second factor for administrators: enrolment comes first.
    assert.equal(pathOf(page), '/account/second-factor');
    assert.equal((await page.goto(link)).status(), 410, 'the link works once');
    await context.close();
  } finally {
    // The server writes its audit anchor as it shuts down: the folder goes once it has exited.
    const exited = child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
