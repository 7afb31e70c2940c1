// Enrolling a TOTP second factor, then signing in with a TOTP code and with a one-time
// recovery code. The pages met on the way are checked with axe too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, newContext, submitFormOf, signIn, signOut, pathOf, screenshot, checkPage, assertNoProblems, landing } from './lib.mjs';
import { totpAtStep, timeStep } from './totp.mjs';

let server;
let browser;
const a11yProblems = [];

before(async () => {
  server = await startServer('server-second-factor');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The current step, after waiting out the last 2 s of a step. */
async function usableStep() {
  for (;;) {
    const now = Date.now() / 1000;
    const step = timeStep(now);
    const left = (step + 1) * 30 - now;
    if (left > 2) return step;
    await sleep(Math.ceil(left * 1000) + 100);
  }
}

async function fillCode(page, code) {
  const input = page.locator('input[name="code"]');
  await input.fill(code);
  const value = await input.inputValue();
  assert.equal(value, code, `input[name=code] holds ${JSON.stringify(value)} after typing ${JSON.stringify(code)} ` +
    `(maxlength/pattern?): ${await input.evaluate((el) => el.outerHTML)}`);
  return submitFormOf(page, 'input[name="code"]');
}

async function a11y(page, name) {
  const problems = await checkPage(page, { name: `2fa-${name}`, lang: 'nb', where: { page: name, role: 'admin', lang: 'nb' } });
  if (problems.length) a11yProblems.push(`${name}:`, ...problems.map((p) => `  ${p}`));
}

test('enrol TOTP, then sign in with a TOTP code and with a recovery code', { timeout: 150_000 }, async () => {
  const account = server.accounts.admin;
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    // Demo accounts have no second factor yet.
    const first = await signIn(page, account);
    assert.equal(pathOf(page), '/', `signing in as admin landed on ${await landing(page, first)}`);

    // Enrolment.
    await page.goto('/account/second-factor');
    const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '').toUpperCase();
    assert.match(secret, /^[A-Z2-7]+=*$/, `#totp-secret is not base32: ${JSON.stringify(secret)}`);
    const enrolStep = await usableStep();
    const enrolled = await fillCode(page, totpAtStep(secret, enrolStep));

    const recovery = (await page.locator('#recovery-codes li').allInnerTexts()).map((t) => t.trim());
    assert.equal(recovery.length, 10, `expected 10 recovery codes in #recovery-codes li, got ${recovery.length} at ${await landing(page, enrolled)}`);
    assert.equal(new Set(recovery).size, 10, 'recovery codes are all different');
    await a11y(page, 'recovery codes page');

    // Sign out, sign in again: the second factor is asked for. (The recovery codes page
    // may be a focused page without the navigation; then sign out from home.)
    if (await page.locator('form[action="/logout"] button').count() === 0) await page.goto('/');
    await signOut(page);
    const again = await signIn(page, account);
    assert.equal(pathOf(page), '/login/second-factor', `after email+password: at ${await landing(page, again)}, expected /login/second-factor`);
    assert.equal(await page.locator('input[name="code"]').count(), 1, '/login/second-factor has input[name=code]');
    await a11y(page, '/login/second-factor');

    // A wrong code: error summary, same page.
    const step = timeStep(Date.now() / 1000);
    const nearby = new Set([-1, 0, 1, 2].map((d) => totpAtStep(secret, step + d)));
    const wrong = ['000000', '111111', '222222'].find((c) => !nearby.has(c));
    await fillCode(page, wrong);
    assert.equal(pathOf(page), '/login/second-factor', `a wrong code went to ${pathOf(page)}`);
    assert.ok(await page.locator('.error-summary').first().isVisible(), 'a wrong code shows a visible .error-summary');
    await a11y(page, '/login/second-factor with an error');

    // The right code, from a later step than the one used at enrolment: the current step
    // once it is later, else the next one, which the server takes as one step of clock
    // drift (waiting for the next step cost half a minute).
    const signInStep = Math.max(enrolStep + 1, timeStep(Date.now() / 1000));
    const right = await fillCode(page, totpAtStep(secret, signInStep));
    assert.equal(pathOf(page), '/', `the right TOTP code landed on ${await landing(page, right)}, expected /`);
    assert.ok(await page.locator('h1').count() >= 1, 'home has an h1');

    // A recovery code in the same field.
    await signOut(page);
    await signIn(page, account);
    assert.equal(pathOf(page), '/login/second-factor');
    const used = await fillCode(page, recovery[0]);
    assert.equal(pathOf(page), '/', `a recovery code landed on ${await landing(page, used)}, expected /`);

    // The same recovery code a second time is refused.
    await signOut(page);
    await signIn(page, account);
    assert.equal(pathOf(page), '/login/second-factor');
    await fillCode(page, recovery[0]);
    assert.equal(pathOf(page), '/login/second-factor', `a used recovery code went to ${pathOf(page)}`);
    assert.ok(await page.locator('.error-summary').first().isVisible(), 'a used recovery code shows a visible .error-summary');
  } catch (e) {
    e.message += `\n    at ${page.url()}; screenshot: ${await screenshot(page, 'second-factor-flow')}`;
    throw e;
  } finally {
    await context.close();
  }
});

test('pages of the second-factor flow have no axe violations and fit 360 px', () => {
  assertNoProblems(a11yProblems, 'second-factor flow pages');
});
