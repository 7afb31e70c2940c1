// The session log on a phone (360 × 740), in bokmål and in English: the demo group
// leader writes the log of a past session of the running course by keyboard (first an
// empty save, answered with a named error, then the real one); a coordinator who had the
// same log open saves afterwards and gets a clear conflict with their text kept; the
// leader opens the observations about one participant; the user representative reads
// the log without a form and without any way to observations. Homework: the leader
// reviews the homework the demo gave at the second session on the third session's log,
// gives new homework there and reviews it on the next session's log, all by keyboard.
// Fidelity: on the demo's running Mestringstreff, whose plan has parts, the leader ticks
// the parts done with the space bar and sees the share done as planned saved. Every page
// axe-clean (WCAG 2.1 AA) without horizontal scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchBrowser, pathOf, checkPage, assertNoProblems, landing, LANGS, PHONE,
  focusedElement, tabUntil, signedInAs,
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

/** Signed in as `role` in `lang`, on a context of its own. */
const signedIn = (role, lang) => signedInAs(browser, server, role, lang);

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

// The homework the demo gives at the running course's second session (demo_running.rs).
const SEEDED_HOMEWORK = 'Tegn eller skriv ned én ting som gjorde deg glad denne uka';
const HOMEWORK = {
  nb: {
    given: /Hjemmeleksen er lagt til/,
    reviewed: /Gjennomgangen er lagret/,
    reviewedAt: (n) => new RegExp(`Gjennomgått på samling ${n}`),
    toReview: (n) => new RegExp(`^Fra samling ${n}: ble hjemmeleksen gjennomgått\\?$`),
    seededReview: 'Fem av sju hadde tegnet noe; vi snakket om tegningene.',
    task: 'Øv på pusteøvelsen hjemme to ganger før neste samling.',
    taskReview: 'De fleste hadde øvd; to syntes det var vanskelig.',
  },
  en: {
    given: /The homework is added/,
    reviewed: /The review is saved/,
    reviewedAt: (n) => new RegExp(`Reviewed at session ${n}`),
    toReview: (n) => new RegExp(`^From session ${n}: was the homework reviewed\\?$`),
    seededReview: 'Five of seven had drawn something; we talked about the drawings.',
    task: 'Practise the breathing exercise at home twice before the next session.',
    taskReview: 'Most had practised; two found it hard.',
  },
};

/** The review form's note field of the homework whose text matches, on a log page. */
async function reviewField(page, text) {
  const item = page.locator('li[id^="review-"]', { hasText: text });
  assert.equal(await item.count(), 1, `one piece of homework to review reads "${text}"`);
  const id = (await item.getAttribute('id')).replace('review-', '');
  return { id, field: `note-${id}` };
}

/** Reviews by keyboard: Tab from the review heading to the note, type it, Tab to save, Enter. */
async function reviewByKeyboard(page, text, note) {
  const { id, field } = await reviewField(page, text);
  await page.locator('#homework-review').evaluate((h) => { h.setAttribute('tabindex', '-1'); h.focus(); });
  await tabUntil(page, (f) => f === field, `the review note #${field}`, 30);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(note);
  await page.keyboard.press('Tab');
  const button = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.match(button ?? '', /Lagre gjennomgangen|Save the review/, 'Tab goes on to the review\'s save button');
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  return { id, response };
}

for (const lang of LANGS) {
  test(`homework given and reviewed by keyboard at 360 px (${lang})`, { timeout: 240_000 }, async () => {
    const { context, page } = await signedIn('group_leader', lang);
    const t = HOMEWORK[lang];
    try {
      const pages = await logPages(page);
      assert.ok(pages.length >= 4, `the running course has at least four sessions (${pages.length})`);
      const [, second, third, fourth] = pages;

      // The second session's log lists what the demo gave.
      await page.goto(second);
      assert.match(await page.locator('#homework-given + ul').innerText(), new RegExp(SEEDED_HOMEWORK));

      // The third session's log asks whether it was reviewed.
      await page.goto(third);
      assert.match((await page.locator('#homework-review').innerText()).trim(), t.toReview(2));
      await reviewField(page, SEEDED_HOMEWORK);
      await page.goto(third);
      await axeClean(page, 'homework-to-review', 'group_leader', lang);
      const seeded = await reviewByKeyboard(page, SEEDED_HOMEWORK, t.seededReview);
      assert.equal(seeded.response.status(), 200, `reviewing ended at ${await landing(page, seeded.response)}`);
      assert.match(page.url(), new RegExp(`\\?saved=review#review-${seeded.id}$`));
      assert.match(await page.locator('.notice[role="status"]').innerText(), t.reviewed);
      assert.equal(await page.inputValue(`#note-${seeded.id}`), t.seededReview, 'the review note is kept in its field');
      await page.goto(second);
      const givenAtSecond = await page.locator('#homework-given + ul').innerText();
      assert.match(givenAtSecond, t.reviewedAt(3));
      assert.ok(givenAtSecond.includes(t.seededReview), 'the second session shows how the review went');

      // New homework at the third session, by keyboard.
      await page.goto(third);
      await page.locator('#homework-given').focus();
      await tabUntil(page, (f) => f === 'description', 'the new homework field', 10);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(t.task);
      await page.keyboard.press('Tab');
      assert.match(await page.evaluate(() => document.activeElement?.textContent?.trim()), /Legg til hjemmeleksen|Add the homework/);
      const [given] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(given.status(), 200, `giving homework ended at ${await landing(page, given)}`);
      assert.match(page.url(), /\?saved=homework#homework-given$/);
      assert.match(await page.locator('.notice[role="status"]').innerText(), t.given);
      assert.ok((await page.locator('#homework-given + ul').innerText()).includes(t.task), 'the homework is listed');
      assert.equal(await focusedElement(page), 'homework-given', 'focus lands on the homework given');
      await page.goto(third);
      await axeClean(page, 'homework-given', 'group_leader', lang);

      // The next session's log reviews it.
      await page.goto(fourth);
      assert.match((await page.locator('#homework-review').innerText()).trim(), t.toReview(3));
      const next = await reviewByKeyboard(page, t.task, t.taskReview);
      assert.equal(next.response.status(), 200, `reviewing ended at ${await landing(page, next.response)}`);
      assert.match(await page.locator('.notice[role="status"]').innerText(), t.reviewed);
      await page.goto(fourth);
      assert.equal(await page.inputValue(`#note-${next.id}`), t.taskReview);
      await axeClean(page, 'homework-reviewed', 'group_leader', lang);
      await page.goto(third);
      const item = page.locator('#homework-given + ul li', { hasText: t.task });
      assert.match(await item.innerText(), t.reviewedAt(4));
      assert.ok((await item.innerText()).includes(t.taskReview));
    } finally {
      await context.close();
    }
  });
}

// The demo's small running Mestringstreff (demo_running.rs), whose plan has three parts.
const ADULTS_COURSE = 'Mestringstreff – kveldsgruppe';
const FIDELITY = {
  nb: { wanted: [true, false, true], shown: /Gjennomført etter planen: 67 % \(2 av 3 planlagte deler\)/, done: 'Oppstart og avslutning; hoveddelen ble en samtale i stedet.', partNotDone: /Hoveddel: ikke gjennomført/ },
  en: { wanted: [true, true, true], shown: /Done as planned: 100 % \(3 of 3 planned parts\)/, done: 'Every part as planned.', partNotDone: null },
};

for (const lang of LANGS) {
  test(`the parts of the plan ticked by keyboard are saved as done as planned (${lang})`, { timeout: 180_000 }, async () => {
    const { context, page } = await signedIn('group_leader', lang);
    const representative = await signedIn('user_representative', lang);
    const f = FIDELITY[lang];
    try {
      await page.goto('/courses');
      const course = await page.locator('main a[href^="/courses/"]', { hasText: ADULTS_COURSE }).first().getAttribute('href');
      assert.match(course ?? '', /^\/courses\/\d+$/, `the leader's course list has ${ADULTS_COURSE}`);
      await page.goto(course);
      const [session] = await page.locator('li[data-kind="session"] h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const path = `${session}/log`;
      const opened = await page.goto(path);
      assert.equal(opened.status(), 200, `the log: ${await landing(page, opened)}`);
      const parts = await page.locator('input[name="element"]').count();
      assert.equal(parts, 3, 'the session plan has three parts (start, main part, ending)');
      const labels = await page.locator('#elements_done label').allInnerTexts();
      assert.deepEqual(labels.map((l) => l.trim()), ['Oppstart (30 min)', 'Hoveddel (90 min)', 'Avslutning (30 min)']);
      await axeClean(page, 'log-with-parts', 'group_leader', lang);

      // From the status heading, Tab reaches the parts one by one; Space ticks.
      await page.locator('#log-status').focus();
      for (let i = 0; i < parts; i += 1) {
        await page.keyboard.press('Tab');
        assert.equal(await focusedElement(page), `element-${i}`, `Tab reaches part ${i + 1}`);
        if ((await page.isChecked(`#element-${i}`)) !== f.wanted[i]) await page.keyboard.press('Space');
        assert.equal(await page.isChecked(`#element-${i}`), f.wanted[i], `part ${i + 1} ${f.wanted[i] ? 'ticked' : 'not ticked'}`);
      }
      await page.keyboard.press('Tab');
      assert.equal(await focusedElement(page), 'done', 'Tab goes on to GJORT');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(f.done);
      await tabUntil(page, (id) => !['learned', 'noticed', 'deviations', 'next_time'].includes(id), 'the save button', 6);
      assert.match(await page.evaluate(() => document.activeElement?.textContent?.trim()), /Lagre loggen|Save the log/i);
      const [saved] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(saved.status(), 200, `saving ended at ${await landing(page, saved)}`);
      assert.match(await page.locator('#fidelity').innerText(), f.shown);

      // Stored: a fresh load shows the same ticks, and the user representative reads them.
      await page.goto(path);
      for (let i = 0; i < parts; i += 1) assert.equal(await page.isChecked(`#element-${i}`), f.wanted[i], `part ${i + 1} saved`);
      assert.match(await page.locator('#fidelity').innerText(), f.shown);
      await axeClean(page, 'log-with-parts-saved', 'group_leader', lang);
      await representative.page.goto(path);
      const read = await representative.page.locator('main').innerText();
      assert.match(read, f.shown);
      if (f.partNotDone) assert.match(read, f.partNotDone);
      await axeClean(representative.page, 'log-with-parts-read', 'user_representative', lang);
    } finally {
      await context.close();
      await representative.context.close();
    }
  });
}
