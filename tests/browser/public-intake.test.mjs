// The public intake pages on a phone (360 px), without signing in: the demo organisation's
// catalogue, a guardian registering a child by keyboard alone, a professional sending a
// referral, and axe (WCAG 2.1 A/AA) on the catalogue, both forms (also with their errors
// shown), the receipt, the withdraw pages and the kind pages of links that lead nowhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, newContext, checkPage, assertNoProblems, landing, pathOf, switchLanguage, PHONE } from './lib.mjs';

const TIMEOUT = 120_000;
const CATALOGUE = '/o/demo';
let server;
let browser;

before(async () => {
  server = await startServer('server-public-intake');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function axeClean(page, name, lang = 'nb') {
  assertNoProblems(await checkPage(page, { name, lang, where: { page: name, role: 'anonymous', lang } }), name);
}

/** The register (or refer) link of the first course in the catalogue for children / adults. */
async function courseLink(page, { children, refer = false }) {
  await page.goto(CATALOGUE);
  const label = children ? 'Meld på barnet ditt' : 'Meld deg på';
  const register = page.locator('a.button', { hasText: label }).first();
  assert.ok(await register.count(), `the demo catalogue has a course with a "${label}" link`);
  const href = await register.getAttribute('href');
  return refer ? href.replace(/\/register$/, '/refer') : href;
}

/** Presses Tab until `selector` has focus; fails when it is not reachable within `max` steps. */
async function tabTo(page, selector, max = 40) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  throw new Error(`Tab did not reach ${selector} within ${max} steps (focus is on ${at})`);
}

/** Submits by pressing Enter on the focused button and waits for the next page. */
async function pressEnterAndWait(page) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  return response;
}

const tenYearsAgo = () => new Date().getFullYear() - 10;

test('the catalogue shows the demo courses and works in both languages', { timeout: TIMEOUT }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    const response = await page.goto(CATALOGUE);
    assert.equal(response.status(), 200, `the catalogue answers ${await landing(page, response)}`);
    assert.equal(await page.locator('nav').count(), 0, 'no staff navigation');
    assert.match(await page.locator('.site-header').innerText(), /\S/, 'the header names the organisation');
    assert.ok(await page.locator('a[href$="/register"]').count() >= 1, 'a course takes registrations');
    assert.ok(await page.locator('a[href$="/refer"]').count() >= 1, 'professionals can refer');
    await axeClean(page, 'public-catalogue');
    await switchLanguage(page, 'en');
    assert.match(await page.locator('h1').innerText(), /Courses and groups/);
    await axeClean(page, 'public-catalogue-en', 'en');
    // What is kept, for how long and whom to ask, in plain words, from the catalogue.
    await page.locator('#privacy-link').click();
    await page.waitForLoadState('load');
    assert.ok(page.url().endsWith(`${CATALOGUE}/privacy`), page.url());
    assert.match(await page.locator('#keep-applications').innerText(), /12 months/);
    await axeClean(page, 'public-privacy-en', 'en');
    await switchLanguage(page, 'nb');
    assert.match(await page.locator('#keep-applications').innerText(), /12 måneder/);
    await axeClean(page, 'public-privacy');
  } finally {
    await context.close();
  }
});

test('a guardian registers a child by keyboard at 360 px and can withdraw', { timeout: TIMEOUT }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    assert.deepEqual(page.viewportSize(), PHONE);
    const href = await courseLink(page, { children: true });
    await page.goto(href);
    assert.ok(await page.isChecked('#guardian_responsibility'), 'parental responsibility is ticked to begin with');
    await axeClean(page, 'public-register-child');

    // Sent empty: the errors are listed and each field says what is wrong.
    await tabTo(page, 'form.public-form button[type="submit"]', 80);
    const empty = await pressEnterAndWait(page);
    assert.equal(empty.status(), 422, `an empty form answers 422, got ${await landing(page, empty)}`);
    const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const field of ['#participant_name', '#participant_birth_date', '#guardian_name', '#guardian_phone', '#consents']) {
      assert.ok(links.includes(field), `the error summary links to ${field}: ${links}`);
    }
    assert.equal(await page.locator('#participant_name').getAttribute('aria-invalid'), 'true');
    await axeClean(page, 'public-register-child-with-errors');

    // Now by keyboard, from the top of the form.
    await page.locator('h1').focus();
    await tabTo(page, '#participant_name', 80);
    await page.keyboard.type('Ola Nordmann');
    await tabTo(page, '#participant_birth_date');
    // Day and month alike, so the order of the date field's parts (which follows the
    // browser's own language) does not matter.
    await page.keyboard.type(`0505${tenYearsAgo()}`);
    assert.equal(await page.inputValue('#participant_birth_date'), `${tenYearsAgo()}-05-05`, 'the date typed by keyboard');
    await tabTo(page, '#guardian_name');
    await page.keyboard.type('Kari Nordmann');
    await tabTo(page, '#guardian_phone');
    await page.keyboard.type('912 34 567');
    await tabTo(page, '#guardian_email');
    await page.keyboard.type('kari@example.no');
    await tabTo(page, '#needs');
    await page.keyboard.type('Nøtteallergi');
    await tabTo(page, '#consents-participation');
    await page.keyboard.press('Space');
    assert.ok(await page.isChecked('#consents-participation'), 'consent ticked with the space bar');
    await tabTo(page, 'form.public-form button[type="submit"]');
    const sent = await pressEnterAndWait(page);
    assert.equal(sent.status(), 200, `the registration is received, got ${await landing(page, sent)}`);
    const reference = (await page.locator('#reference').innerText()).trim();
    assert.match(reference, /^[A-Z0-9-]{6,}$/, `a reference code: "${reference}"`);
    const text = await page.locator('main').innerText();
    assert.ok(!text.includes('Nøtteallergi'), 'the receipt shows no health details');
    assert.match(text, /e-post/, 'an e-mail confirmation is mentioned');
    await axeClean(page, 'public-receipt');

    // The withdraw link from the receipt.
    const withdraw = await page.locator('a.withdraw-link').getAttribute('href');
    await page.goto(new URL(withdraw).pathname);
    assert.match(await page.locator('h1').innerText(), new RegExp(reference));
    await axeClean(page, 'public-withdraw');
    await tabTo(page, 'main form button[type="submit"]');
    const withdrawn = await pressEnterAndWait(page);
    assert.equal(withdrawn.status(), 200);
    assert.match(await page.locator('main').innerText(), /trukket/);
    await axeClean(page, 'public-withdrawn');
    await page.reload();
    assert.match(await page.locator('main').innerText(), /allerede/, 'a second visit gets the kind "already closed" page');
    await axeClean(page, 'public-withdraw-closed');
  } finally {
    await context.close();
  }
});

test('a professional sends a referral', { timeout: TIMEOUT }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    const href = await courseLink(page, { children: true, refer: true });
    await page.goto(href);
    assert.equal(await page.locator('input[name="consents"]').count(), 0, 'the referrer gives no consent for the family');
    await axeClean(page, 'public-refer');

    await page.fill('#referrer_name', 'Hanne Helsesøster');
    await page.fill('#referrer_service', 'Helsestasjonen i Sentrum');
    await page.selectOption('#channel_id', { label: 'Helsesykepleier' });
    await page.fill('#referrer_phone', '22 11 22 11');
    await page.fill('#participant_name', 'Per Hansen');
    await page.fill('#participant_birth_date', `${tenYearsAgo()}-05-01`);
    await page.fill('#guardian_name', 'Pål Hansen');
    await page.fill('#guardian_phone', '934 56 789');
    const [missing] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator('form.public-form button[type="submit"]').click(),
    ]);
    assert.equal(missing.status(), 422, `reason and family informed are required, got ${await landing(page, missing)}`);
    const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links.sort(), ['#family_informed', '#reason'], `only what is missing is named: ${links}`);
    assert.equal(await page.inputValue('#referrer_service'), 'Helsestasjonen i Sentrum', 'typed values are kept');
    assert.equal((await page.locator('#channel_id option:checked').innerText()).trim(), 'Helsesykepleier');
    await axeClean(page, 'public-refer-with-errors');

    await page.fill('#reason', 'Mor er innlagt; barnet trenger noen å snakke med.');
    await page.check('#family_informed');
    const [sent] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator('form.public-form button[type="submit"]').click(),
    ]);
    assert.equal(sent.status(), 200, `the referral is received, got ${await landing(page, sent)}`);
    assert.match((await page.locator('#reference').innerText()).trim(), /^[A-Z0-9-]{6,}$/);
    assert.ok(!(await page.locator('main').innerText()).includes('innlagt'), 'the receipt repeats no reason');
    await axeClean(page, 'public-referral-receipt');
  } finally {
    await context.close();
  }
});

test('an adult registers for themself', { timeout: TIMEOUT }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    const href = await courseLink(page, { children: false });
    await page.goto(href);
    assert.equal(await page.locator('#guardian_name').count(), 0, 'no guardian asked for an adult');
    await axeClean(page, 'public-register-self');
    await page.fill('#participant_name', 'Anne Voksen');
    await page.fill('#participant_phone', '41 22 33 44');
    await page.check('#consents-participation');
    const [sent] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator('form.public-form button[type="submit"]').click(),
    ]);
    assert.equal(sent.status(), 200, `the registration is received, got ${await landing(page, sent)}`);
    assert.ok(!(await page.locator('main').innerText()).match(/bekreftelse på e-post/), 'no e-mail, none promised');
  } finally {
    await context.close();
  }
});

test('links that lead nowhere get kind pages', { timeout: TIMEOUT }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    for (const path of ['/withdraw/no-such-link', '/offer/no-such-link', '/consent/no-such-link']) {
      const response = await page.goto(path);
      assert.equal(response.status(), 404, path);
      assert.match(await page.locator('h1').innerText(), /Vi fant ikke/, `${path} says what happened`);
      assert.equal(pathOf(page), path);
      await axeClean(page, `public-unknown-${path.split('/')[1]}`);
    }
  } finally {
    await context.close();
  }
});
