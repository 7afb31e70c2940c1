// A group leader on a phone (360 × 740) starts an evaluation of one session with a QR
// code, by keyboard alone: first with named answers (refused: a QR code gives anonymous
// answers, and the error summary says so with everything kept), then anonymous. The
// course's evaluations page, the page with the error and the round's page with its QR
// code and short link are axe-clean without horizontal scrolling, in bokmål and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchBrowser, newContext, signIn, pathOf, checkPage, assertNoProblems, landing, switchLanguage, LANGS, PHONE,
} from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-questionnaire-rounds');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function axeClean(page, name, lang) {
  assertNoProblems(await checkPage(page, { name: `${name}-${lang}`, lang, where: { page: name, role: 'group_leader', lang } }), name);
}

/** The path of a course the leader works on (a running one when there is one). */
async function leadersCourse(page) {
  await page.goto('/courses');
  const courses = await page.locator('.item-list > li').evaluateAll((items) => items.map((li) => ({
    href: li.querySelector('a')?.getAttribute('href') || '',
    status: li.querySelector('.state')?.textContent || '',
  })));
  assert.ok(courses.length, 'the leader has courses');
  return (courses.find((c) => /Pågår|Running/.test(c.status)) ?? courses[0]).href;
}

const TEXT = {
  nb: { title: 'Evaluering av dagens samling', qrError: /QR-kode gir anonyme svar/ },
  en: { title: "Today's session: evaluation", qrError: /A QR code gives anonymous answers/ },
};

async function press(page, selector, key) {
  await page.locator(selector).focus();
  await page.keyboard.press(key);
}

async function submitByKeyboard(page) {
  await page.locator('form[action$="/evaluations"] button[type="submit"]').focus();
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  return response;
}

for (const lang of LANGS) {
  test(`a leader starts a session evaluation with a QR code by keyboard at 360 px (${lang})`, { timeout: 180_000 }, async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    try {
      assert.deepEqual(page.viewportSize(), PHONE);
      const signedIn = await signIn(page, server.accounts.group_leader);
      assert.equal(pathOf(page), '/', `signing in landed on ${await landing(page, signedIn)}`);
      await switchLanguage(page, lang);
      const course = await leadersCourse(page);
      const hub = await page.goto(`${course}/evaluations`);
      assert.equal(hub.status(), 200, `the evaluations page: ${await landing(page, hub)}`);
      await axeClean(page, 'questionnaire-rounds', lang);

      // The questionnaire by typing its title into the focused list.
      await page.locator('#questionnaire_id').focus();
      await page.keyboard.type(TEXT[lang].title.slice(0, 12));
      const chosen = await page.locator('#questionnaire_id option:checked').innerText();
      assert.equal(chosen.trim(), TEXT[lang].title, 'the questionnaire is chosen by keyboard');
      await press(page, '#audience-participants', 'Space');
      await press(page, '#mode-identified', 'Space');
      await press(page, '#timing-session', 'Space');
      await page.locator('#session_id').focus();
      await page.keyboard.press('ArrowDown');
      const session = await page.inputValue('#session_id');
      assert.ok(session, 'a session is chosen by keyboard');
      await press(page, '#qr_code', 'Space');
      assert.ok(await page.locator('#qr_code').isChecked());

      // Named answers with a QR code: refused, with the reason, and everything kept.
      const refused = await submitByKeyboard(page);
      assert.equal(refused.status(), 422, `named answers with a QR code: ${await landing(page, refused)}`);
      const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, ['#qr_code']);
      assert.match(await page.locator('.error-summary').innerText(), TEXT[lang].qrError);
      assert.equal(await page.inputValue('#session_id'), session, 'the session is kept');
      assert.ok(await page.locator('#mode-identified').isChecked(), 'the choice is kept');
      await axeClean(page, 'questionnaire-rounds-error', lang);

      await press(page, '#mode-anonymous', 'Space');
      const started = await submitByKeyboard(page);
      assert.equal(started.status(), 200, `the round: ${await landing(page, started)}`);
      assert.match(pathOf(page), /\/questionnaire-rounds\/\d+$/);
      const qr = page.locator('img.qr');
      assert.ok(await qr.isVisible(), 'the QR code is shown');
      const box = await qr.boundingBox();
      assert.ok(box.width >= 250, `the QR code is big enough to scan on a phone (${box.width} px)`);
      const link = await page.locator('#open-link').innerText();
      assert.ok(link.startsWith(`${server.baseUrl}/q/`), link);
      await axeClean(page, 'questionnaire-round', lang);

      // Back on the course's page of evaluations, the round is listed.
      await page.goto(`${course}/evaluations`);
      assert.ok(await page.locator('#rounds li').count() >= 1);
    } finally {
      await context.close();
    }
  });
}
