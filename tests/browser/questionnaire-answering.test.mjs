// A child answers the SMIL children's form on a phone (360 px) by keyboard alone, through
// the QR code of an anonymous round in the demo: page by page with "save and continue",
// switching language without losing what was chosen, an error shown (a pasted text far
// too long) and fixed, the thank-you page, and the kind pages of a used link, an unknown
// link and a closed round; staff's results page while the round is open (the count and
// when results come) and its paper page once closed; axe (WCAG 2.1 A/AA) on each of these.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, newContext, signIn, checkPage, assertNoProblems, pathOf } from './lib.mjs';

const TIMEOUT = 180_000;
let server;
let browser;

before(async () => {
  server = await startServer('server-questionnaire-answering');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function axeClean(page, name, lang = 'nb') {
  assertNoProblems(await checkPage(page, { name, lang, where: { page: name, role: 'anonymous', lang } }), name);
}

/** Presses Tab until `selector` has focus. */
async function tabTo(page, selector, max = 60) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  throw new Error(`Tab did not reach ${selector} within ${max} steps (focus is on ${at})`);
}

async function pressEnterAndWait(page) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  return response;
}

/** An API token of the demo coordinator, made on the account page. */
async function coordinatorToken() {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    await signIn(page, server.accounts.coordinator);
    await page.goto('/account');
    await page.fill('form[action="/account/tokens"] input[name="label"]', 'browser test');
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator('form[action="/account/tokens"] button[type="submit"]').click(),
    ]);
    return (await page.locator('#new-token').innerText()).trim();
  } finally {
    await context.close();
  }
}

async function api(token, method, path, body) {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: response.status, json, text };
}

/** The date `days` from today in Oslo, YYYY-MM-DD. */
function osloDay(days) {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
}

/** Starts an anonymous round of the SMIL children's form with a QR code on a demo course. */
async function startQrRound(token) {
  const me = await api(token, 'GET', '/me');
  const org = me.json.organisations[0].slug;
  const list = await api(token, 'GET', `/organisations/${org}/questionnaires`);
  const children = list.json.items.find((q) => q.slug === 'smil-children');
  assert.ok(children, `the demo has the shipped SMIL children's form: ${list.text.slice(0, 300)}`);
  const courses = await api(token, 'GET', `/organisations/${org}/courses`);
  const tried = [];
  for (const course of courses.json.items) {
    const started = await api(token, 'POST', `/organisations/${org}/courses/${course.id}/questionnaire-rounds`, {
      questionnaire_id: children.id, audience: 'participants', mode: 'anonymous', timing: 'other', qr_code: true,
      opens_on: osloDay(0), closes_on: osloDay(14),
    });
    if (started.status === 201) return { org, round: started.json };
    tried.push(`${course.id}: ${started.status} ${started.text.slice(0, 200)}`);
  }
  throw new Error(`no demo course took a round:\n${tried.join('\n')}`);
}

test('a child answers the SMIL form through the QR code by keyboard, with an error fixed', { timeout: TIMEOUT }, async () => {
  const token = await coordinatorToken();
  const { org, round } = await startQrRound(token);
  assert.ok(round.open_link, 'the round has a QR link');
  const qrPath = new URL(round.open_link).pathname;

  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    // The QR code leads to a fresh one-time link.
    const opened = await page.goto(qrPath);
    assert.match(pathOf(page), /^\/a\/[^/]+$/,
      `the QR code leads to a personal form (HTTP ${opened.status()}, h1 "${await page.locator('h1').first().innerText()}", round ${JSON.stringify(round)})`);
    const formPath = pathOf(page);
    assert.match(await page.locator('.progress').innerText(), /Side 1 av 3/);
    await axeClean(page, 'answer-page-1');

    // Page 1: tick "excited" with the space bar, then save and continue with Enter.
    await tabTo(page, 'input[name="a-before"]');
    await page.keyboard.press('Space');
    assert.ok(await page.locator('input[name="a-before"]').first().isChecked(), 'ticked by keyboard');
    await tabTo(page, 'button[value="continue"]');
    await pressEnterAndWait(page);
    assert.match(await page.locator('.progress').innerText(), /Side 2 av 3/);
    await axeClean(page, 'answer-page-2');

    // Page 2: pick an answer with the keyboard, switch to English: the choice is kept.
    await tabTo(page, 'input[name="a-liked"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[value="lang-en"]');
    await pressEnterAndWait(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.match(await page.locator('.progress').innerText(), /Page 2 of 3/);
    assert.ok(await page.locator('input[name="a-liked"]').first().isChecked(), 'the choice survived the switch');
    await axeClean(page, 'answer-page-2-en', 'en');
    await tabTo(page, 'button[value="continue"]');
    await pressEnterAndWait(page);

    // Page 3: a pasted text far too long is refused with the rest kept.
    await tabTo(page, 'input[name="a-go-on"]');
    await page.keyboard.press('Space');
    await page.fill('textarea[name="a-best"]', 'Turene! '.repeat(700));
    await tabTo(page, 'button[value="send"]');
    const refused = await pressEnterAndWait(page);
    assert.equal(refused.status(), 422);
    assert.ok(await page.locator('.error-summary').isVisible(), 'errors summarised at the top');
    assert.ok(await page.locator('#a-best-error').isVisible(), 'and at the field');
    assert.ok(await page.locator('input[name="a-go-on"]').first().isChecked(), 'the other answer kept');
    await axeClean(page, 'answer-page-3-error', 'en');

    // Fixed by keyboard: select all in the text and type a short answer, then send.
    await tabTo(page, 'textarea[name="a-best"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('The trips');
    await tabTo(page, 'button[value="send"]');
    await pressEnterAndWait(page);
    assert.match(await page.locator('h1').innerText(), /Thank you/);
    await axeClean(page, 'answer-thanks', 'en');

    // The same link again: a kind page, not an error.
    const again = await page.goto(formPath);
    assert.equal(again.status(), 200);
    assert.match(await page.locator('h1').innerText(), /Already answered/);
    await axeClean(page, 'answer-used', 'en');

    // An unknown link.
    const unknown = await page.goto('/a/no-such-link');
    assert.equal(unknown.status(), 404);
    assert.equal(await page.locator('.error-summary').count(), 0);
    await axeClean(page, 'answer-unknown', 'en');

    // While the round is open, staff see how many have answered and when results come.
    const staff = await newContext(browser, server.baseUrl);
    const staffPage = await staff.newPage();
    const problems = [];
    try {
      await signIn(staffPage, server.accounts.coordinator);
      assert.equal((await staffPage.goto(`/questionnaire-rounds/${round.id}/results`)).status(), 200);
      assert.ok(await staffPage.locator(`#round-${round.id}-not-released`).isVisible(), 'results wait for the close');
      assert.equal(await staffPage.locator('.results-free-text').count(), 0, 'no answers shown');
      problems.push(...await checkPage(staffPage, { name: 'results-not-released', lang: 'nb', where: { page: 'results-open', role: 'coordinator', lang: 'nb' } }));

      // The round closed: the QR code says so kindly, and paper forms are refused.
      const closed = await api(token, 'POST', `/organisations/${org}/questionnaire-rounds/${round.id}/close`, {});
      assert.ok(closed.status < 300, `round closed: ${closed.status} ${closed.text.slice(0, 200)}`);
      const closedPage = await page.goto(qrPath);
      assert.equal(closedPage.status(), 200);
      assert.match(await page.locator('h1').innerText(), /closed/);
      await axeClean(page, 'answer-closed', 'en');
      assert.equal((await staffPage.goto(`/questionnaire-rounds/${round.id}/paper`)).status(), 200);
      assert.ok(await staffPage.locator('#round-closed').isVisible(), 'the paper page says the round is closed');
      assert.equal(await staffPage.locator('main form').count(), 0, 'and offers no form');
      problems.push(...await checkPage(staffPage, { name: 'paper-closed', lang: 'nb', where: { page: 'paper-closed', role: 'coordinator', lang: 'nb' } }));
      assert.equal((await staffPage.goto(`/questionnaire-rounds/${round.id}/results`)).status(), 200);
      assert.ok(await staffPage.locator(`#round-${round.id}-withheld`).isVisible(), 'closed with one answer: the count only');
    } finally {
      await staff.close();
    }
    assertNoProblems(problems, 'staff pages of the round');
  } finally {
    await context.close();
  }
});
