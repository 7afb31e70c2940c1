// Signing in with the keyboard alone, with a visible focus indicator at every stop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, newContext, pathOf, screenshot, PHONE, DESKTOP, assertNoProblems, landing } from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-keyboard');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** What is focused now, and whether its focus is visible (outline or box-shadow). */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const outlineAuto = style.outlineStyle === 'auto';
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const r = el.getBoundingClientRect();
    return {
      name: el.getAttribute('name'),
      html: el.outerHTML.replace(/\s+/g, ' ').slice(0, 160),
      visibleFocus: outline || outlineAuto || !!shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth}; box-shadow: ${style.boxShadow}`,
      onScreen: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 &&
        r.top < window.innerHeight && r.left < window.innerWidth,
    };
  });
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`sign in by keyboard alone at ${viewport.width}px`, { timeout: 60_000 }, async () => {
    const account = server.accounts.user_representative;
    const context = await newContext(browser, server.baseUrl, { viewport });
    const page = await context.newPage();
    const problems = [];
    try {
      await page.goto('/login');
      assert.equal(await focused(page), null, 'focus starts at the document');

      const check = async (what) => {
        const f = await focused(page);
        if (!f) { problems.push(`${what}: nothing focused`); return null; }
        if (!f.visibleFocus) problems.push(`${what}: focus not visible (${f.style}) on ${f.html}`);
        if (!f.onScreen) problems.push(`${what}: focused element is off screen: ${f.html}`);
        return f;
      };

      let presses = 0;
      let f = null;
      while (presses < 10) {
        await page.keyboard.press('Tab');
        presses += 1;
        f = await check(`Tab #${presses}`);
        if (f?.name === 'email' && await page.evaluate(() => document.activeElement.matches('input[name="email"]'))) break;
      }
      assert.ok(await page.evaluate(() => document.activeElement.matches('input[name="email"]')),
        `input[name=email] not reached within 10 Tab presses; problems so far:\n${problems.join('\n')}`);
      await page.keyboard.type(account.email);

      let reached = false;
      for (let i = 0; i < 5 && !reached; i++) {
        await page.keyboard.press('Tab');
        await check('Tab after email');
        reached = await page.evaluate(() => document.activeElement.matches('input[name="password"]'));
      }
      assert.ok(reached, 'input[name=password] not reached by Tab after the email field');
      await page.keyboard.type(account.password);
      const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);

      assert.equal(pathOf(page), '/', `after Enter: at ${await landing(page, response)}, expected /`);
      assert.ok(await page.locator('h1').count() >= 1, 'home page has an h1');
      assertNoProblems(problems, 'focus while signing in by keyboard');
    } catch (e) {
      e.message += `\n    screenshot: ${await screenshot(page, `keyboard-login-${viewport.width}`)}`;
      throw e;
    } finally {
      await context.close();
    }
  });
}
