// The session log on a phone (360 × 740), in bokmål and in English: the demo group
// leader writes the log of a past session of the running course by keyboard (first an
// empty save, answered with a named error, then the real one); a coordinator who had the
// same log open saves afterwards and gets a clear conflict with their text kept; the
// leader opens the observations about one participant; the user representative reads
// the log without a form and without any way to observations. Every page axe-clean
// (WCAG 2.1 AA) without horizontal scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchBrowser, newContext, signIn, pathOf, checkPage, assertNoProblems, landing, switchLanguage, LANGS, PHONE,
} from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-running-log');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  nb: {
    heading: /^Logg for samling \d+$/,
    blank: /Skriv noe i minst ett av tekstfeltene/,
    saved: /Loggen er lagret/,
    conflict: /Noen andre har lagret loggen/,
    observations: /^Observasjoner: /,
    sensitive: /Taushetsbelagt/,
    done: 'Vi hadde en runde om uka som gikk og jobbet med følelseskort.',
    learned: 'Barna liker å tegne før de snakker.',
    noticed: 'Det var lurt å starte med mat.',
  },
  en: {
    heading: /^Log of session \d+$/,
    blank: /Write something in at least one of the text fields/,
    saved: /The log is saved/,
    conflict: /Someone else saved the log/,
    observations: /^Observations: /,
    sensitive: /Confidential/,
    done: 'We did a round about the past week and worked with feeling cards.',
    learned: 'The children like to draw before they talk.',
    noticed: 'Starting with food was smart.',
  },
};

async function signedIn(role, lang) {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  const response = await signIn(page, server.accounts[role]);
  assert.equal(pathOf(page), '/', `${role} signing in landed on ${await landing(page, response)}`);
  await switchLanguage(page, lang);
  return { context, page };
}

async function axeClean(page, name, role, lang) {
  const problems = await checkPage(page, { name: `${name}-${lang}`, lang, where: { page: name, role, lang } });
  assertNoProblems(problems, `${name} (${role}, ${lang})`);
}

/** The demo's running course: its sessions' log pages, in order. */
async function logPages(page) {
  await page.goto('/courses');
  const courses = await page.locator('a').evaluateAll((as) => as
    .map((a) => ({ href: a.getAttribute('href') || '', text: a.textContent || '' }))
    .filter((a) => /^\/courses\/\d+$/.test(a.href)));
  const course = courses.find((c) => /barnegruppe/.test(c.text)) ?? courses.find((c) => /høstkurs/.test(c.text));
  assert.ok(course, `the demo has a running course: ${courses.map((c) => c.text).join(', ')}`);
  await page.goto(course.href);
  const sessions = await page.locator('li[data-kind="session"] h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(sessions.length, 'the running course has sessions');
  return sessions.map((href) => `${href}/log`);
}

/** The first log page with a form and no log written yet: a past session, not yet logged. */
async function unwrittenLog(page, pages) {
  for (const path of pages) {
    await page.goto(path);
    if (await page.locator('textarea#done').count() && await page.locator('#log-not-written').count()) return path;
  }
  throw new Error('no past session of the running course is waiting for its log');
}

async function pressAndWait(page, locator, key = 'Enter') {
  await locator.focus();
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press(key)]);
  return response;
}

for (const lang of LANGS) {
  test(`the group leader writes a session log by keyboard at 360 px (${lang})`, { timeout: 240_000 }, async () => {
    const leader = await signedIn('group_leader', lang);
    const coordinator = await signedIn('coordinator', lang);
    const representative = await signedIn('user_representative', lang);
    const { page } = leader;
    try {
      assert.deepEqual(page.viewportSize(), PHONE);
      const path = await unwrittenLog(page, await logPages(page));
      assert.match((await page.locator('h1').innerText()).trim(), TEXT[lang].heading);
      await page.goto(path);
      await axeClean(page, 'session-log', 'group_leader', lang);

      // The coordinator opens the same log before the leader saves.
      await coordinator.page.goto(path);
      assert.equal(await coordinator.page.inputValue('input[name="version"]'), '0');

      // Saving nothing: the summary names the field, and its link leads there.
      const save = page.locator('form[action$="/log"] button[type="submit"]');
      const blank = await pressAndWait(page, save);
      assert.equal(blank.status(), 422, `an empty log answers 422, got ${await landing(page, blank)}`);
      const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, ['#done']);
      assert.match(await page.locator('.error-summary').innerText(), TEXT[lang].blank);
      assert.equal(await page.locator('#done').getAttribute('aria-invalid'), 'true');
      await axeClean(page, 'session-log-error', 'group_leader', lang);
      await page.locator('.error-summary a').first().focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#done');

      // Writing by keyboard: the texts, then every planned part ticked with the space bar.
      await page.locator('#done').focus();
      await page.keyboard.type(TEXT[lang].done);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'learned', 'Tab goes on to LÆRT');
      await page.keyboard.type(TEXT[lang].learned);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'noticed', 'Tab goes on to LURT');
      await page.keyboard.type(TEXT[lang].noticed);
      const elements = await page.locator('input[name="element"]').count();
      for (let i = 0; i < elements; i += 1) {
        await page.locator(`#element-${i}`).focus();
        await page.keyboard.press('Space');
        assert.ok(await page.isChecked(`#element-${i}`), `planned part ${i} ticked`);
      }
      const saved = await pressAndWait(page, save);
      assert.equal(pathOf(page), path, `saving ended at ${await landing(page, saved)}`);
      assert.match(await page.locator('.notice[role="status"]').innerText(), TEXT[lang].saved);
      assert.equal(await page.inputValue('#done'), TEXT[lang].done);
      if (elements) assert.match(await page.locator('#fidelity').innerText(), /100 %/);
      await page.goto(`${path}?saved=log`);
      await axeClean(page, 'session-log-saved', 'group_leader', lang);

      // The coordinator's save comes second: a conflict, with their text kept and the
      // leader's shown.
      const theirs = lang === 'nb' ? 'Koordinatorens egen tekst.' : "The coordinator's own text.";
      await coordinator.page.fill('#done', theirs);
      const conflict = await pressAndWait(coordinator.page, coordinator.page.locator('form[action$="/log"] button[type="submit"]'));
      assert.equal(conflict.status(), 409, `the second save answers 409, got ${await landing(coordinator.page, conflict)}`);
      assert.match(await coordinator.page.locator('.error-summary').innerText(), TEXT[lang].conflict);
      assert.equal(await coordinator.page.inputValue('#done'), theirs);
      assert.equal((await coordinator.page.locator('#saved-done').innerText()).trim(), TEXT[lang].done);
      await axeClean(coordinator.page, 'session-log-conflict', 'coordinator', lang);

      // Observations about one participant of the session, from the log page.
      const observe = page.locator('a[href*="/observations?session="]');
      assert.ok(await observe.count(), 'the leader is offered observations about the participants');
      const toObservations = await pressAndWait(page, observe.first());
      assert.equal(toObservations.status(), 200, `observations: ${await landing(page, toObservations)}`);
      assert.match((await page.locator('h1').innerText()).trim(), TEXT[lang].observations);
      assert.match(await page.locator('#observations-sensitive').innerText(), TEXT[lang].sensitive);
      await page.goto(new URL(page.url()).pathname);
      await axeClean(page, 'observations', 'group_leader', lang);

      // The user representative reads the log: no form, no observations.
      const rep = representative.page;
      const read = await rep.goto(path);
      assert.equal(read.status(), 200, `the user representative's log: ${await landing(rep, read)}`);
      assert.equal(await rep.locator('textarea').count(), 0, 'nothing to write for a user representative');
      assert.equal(await rep.locator('a[href*="/observations"]').count(), 0, 'no way to observations');
      assert.equal((await rep.locator('#saved-done').innerText()).trim(), TEXT[lang].done);
      await axeClean(rep, 'session-log-read', 'user_representative', lang);
    } finally {
      await leader.context.close();
      await coordinator.context.close();
      await representative.context.close();
    }
  });
}
