// Form errors on /login: an error summary linking to the field, the typed email kept,
// the password cleared, and the same answer for an unknown email as for a wrong password.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchBrowser, newContext, submitFormOf, pathOf, screenshot, axeViolations, describeViolations,
  recordViolations, horizontalScrollProblems, LANGS, switchLanguage, assertNoProblems,
} from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-login-errors');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function failedSignIn(page, email, password) {
  await page.goto('/login');
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  const response = await submitFormOf(page, 'input[name="password"]');
  const summary = page.locator('.error-summary');
  const state = await page.evaluate(() => {
    const s = document.querySelector('.error-summary');
    const links = s ? [...s.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')) : [];
    return {
      summary: s ? s.innerText.replace(/\s+/g, ' ').trim() : null,
      links,
      targetsExist: links.filter((h) => h.startsWith('#')).map((h) => [h, !!document.getElementById(h.slice(1))]),
      h1: document.querySelector('h1')?.innerText.trim() ?? '',
      email: document.querySelector('input[name="email"]')?.value ?? null,
      password: document.querySelector('input[name="password"]')?.value ?? null,
      passwordHtml: document.querySelector('input[name="password"]')?.outerHTML ?? null,
    };
  });
  return { status: response?.status(), path: pathOf(page), summaryVisible: await summary.first().isVisible().catch(() => false), ...state };
}

for (const lang of LANGS) {
  test(`wrong password and unknown email give the same kept-input error (${lang})`, { timeout: 60_000 }, async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await switchLanguage(page, lang);
      const real = server.accounts.analyst.email;
      const wrong = await failedSignIn(page, real, 'not-the-password-1234');
      assert.ok(wrong.summary !== null, `wrong password: no .error-summary on the page at ${wrong.path} (HTTP ${wrong.status}, h1 "${wrong.h1}")`);
      assert.ok(wrong.summaryVisible, 'wrong password: .error-summary is not visible');
      assert.ok(wrong.links.some((h) => h === '#email' || h === '#password'),
        `wrong password: .error-summary has no link to #email or #password (links: ${JSON.stringify(wrong.links)})`);
      for (const [href, exists] of wrong.targetsExist) assert.ok(exists, `error summary link ${href} points at no element`);
      assert.equal(wrong.path, '/login', 'wrong password: stays on /login');
      assert.equal(wrong.email, real, 'wrong password: the email field keeps the typed email');
      assert.equal(wrong.password, '', `wrong password: the password field is emptied (${wrong.passwordHtml})`);
      assert.ok(wrong.status < 500, `wrong password answered HTTP ${wrong.status}`);

      const unknown = await failedSignIn(page, `nobody-${Date.now()}@example.com`, 'not-the-password-1234');
      assert.ok(unknown.summary !== null, 'unknown email: no .error-summary on the page');
      assert.equal(unknown.summary, wrong.summary, 'unknown email and wrong password must show identical error summaries');
      assert.equal(unknown.status, wrong.status, 'unknown email and wrong password must answer with the same HTTP status');
      assert.equal(unknown.password, '', 'unknown email: the password field is emptied');
      assert.ok(unknown.email.startsWith('nobody-'), 'unknown email: the email field keeps the typed email');

      // The error page itself must be accessible and fit a phone.
      const violations = await axeViolations(page);
      recordViolations({ page: '/login (sign-in error)', role: 'anonymous', lang, viewport: 360 }, violations);
      const layout = await horizontalScrollProblems(page);
      const problems = [...describeViolations(violations), ...layout];
      if (problems.length) problems.push(`    screenshot: ${await screenshot(page, `${lang}-login-error-360`)}`);
      assertNoProblems(problems, `/login with an error (${lang})`);
    } catch (e) {
      e.message += `\n    screenshot: ${await screenshot(page, `${lang}-login-errors-final`)}`;
      throw e;
    } finally {
      await context.close();
    }
  });
}
