// A group leader on a phone (360 × 740), with the keyboard alone, plans a parent meeting
// for the demo's running course, writes its agenda, minutes and agreements, then writes
// down a concern about a child and records that it was sent to the child welfare
// service. The meetings, meeting, concerns and concern pages, the coordinator's page of
// designated readers and the administrator's review of flagged accesses are checked with
// axe (WCAG 2.1 AA) in bokmål and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, newContext, signIn, pathOf, checkPage, assertNoProblems, landing, switchLanguage, PHONE } from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-running-meetings');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function axeClean(page, name, lang, role) {
  assertNoProblems(await checkPage(page, { name: `${name}-${lang}`, lang, where: { page: name, role, lang } }), `${name} (${lang})`);
}

/** Loads a page fresh (not scrolled to a fragment), expects 200 and checks it. */
async function freshCheck(page, path, name, lang, role) {
  const response = await page.goto(path);
  assert.equal(response.status(), 200, `${path} answers 200, got ${await landing(page, response)}`);
  await axeClean(page, name, lang, role);
}

function focusedId(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return el.id || `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''}`;
  });
}

/** Presses Tab until the element with `id` has focus (at most `max` presses). */
async function tabTo(page, id, max = 12) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focusedId(page);
    seen.push(now);
    if (now === id) return;
  }
  throw new Error(`Tab never reached #${id}; focus went ${seen.join(' → ')}`);
}

/** Presses Tab until a submit button has focus, then Enter; waits for the next page. */
async function tabToSubmitAndPress(page, max = 6) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const isSubmit = await page.evaluate(() => document.activeElement?.getAttribute('type') === 'submit');
    if (isSubmit) {
      const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      return response;
    }
  }
  throw new Error('Tab never reached a submit button');
}

/**
 * A date field filled from the keyboard the way a person does it, digit by digit. The
 * order of the field's parts follows the browser's own language (day or month first),
 * so the days used here have the same day and month number and read alike either way.
 */
async function typeDate(page, id, isoDay) {
  const [year, month, day] = isoDay.split('-');
  await page.keyboard.type(`${day}${month}${year}`);
  assert.equal(await page.inputValue(`#${id}`), isoDay, `#${id} holds the typed day`);
}

async function typeTime(page, id, hhmm) {
  await page.keyboard.type(hhmm.replace(':', ''));
  assert.equal(await page.inputValue(`#${id}`), hhmm, `#${id} holds the typed time`);
}

function isoDay(offsetDays) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** The nearest day after today (step 1) or not after today (step -1) whose day and month numbers are equal. */
function sameDayAndMonth(step) {
  for (let offset = step > 0 ? 1 : 0; Math.abs(offset) < 400; offset += step) {
    const day = isoDay(offset);
    if (day.slice(5, 7) === day.slice(8, 10)) return day;
  }
  throw new Error('no such day within a year');
}

test('a leader records a parent meeting and files a concern by keyboard at 360 px', { timeout: 300_000 }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  const pages = {};
  try {
    assert.deepEqual(page.viewportSize(), PHONE);
    const signedIn = await signIn(page, server.accounts.group_leader);
    assert.equal(pathOf(page), '/', `signing in landed on ${await landing(page, signedIn)}`);
    await page.goto('/courses');
    // The demo's course under way (status "Pågår") that the leader works on.
    const running = page.locator('.item-list li').filter({ has: page.locator('.state', { hasText: 'Pågår' }) });
    const courseHref = await running.first().locator('h2 a').getAttribute('href');
    assert.match(courseHref, /^\/courses\/\d+$/, 'the demo has a running course the leader works on');
    pages.meetings = `${courseHref}/meetings`;
    await freshCheck(page, pages.meetings, 'meetings', 'nb', 'group_leader');

    // Plan a parent meeting: Tab from the form's heading through its fields.
    const day = sameDayAndMonth(1);
    await page.goto(`${pages.meetings}#schedule-heading`);
    await tabTo(page, 'meeting_kind');
    await page.keyboard.type('Foreldremøte');
    assert.equal(await page.inputValue('#meeting_kind'), 'parent_meeting', 'typing chooses the kind');
    await tabTo(page, 'title', 3);
    await page.keyboard.type('Foreldremøte om mestring');
    await tabTo(page, 'date', 3);
    await typeDate(page, 'date', day);
    await tabTo(page, 'start_time', 3);
    await typeTime(page, 'start_time', '18:00');
    await tabTo(page, 'end_time', 3);
    await typeTime(page, 'end_time', '19:30');
    await tabTo(page, 'room', 3);
    const [planned] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.match(pathOf(page), /^\/courses\/\d+\/meetings\/\d+$/, `planning ended at ${await landing(page, planned)}`);
    pages.meeting = pathOf(page);
    assert.match(await page.locator('h1').innerText(), /Foreldremøte om mestring/);
    assert.match(await page.locator('.notice').innerText(), /Møtet er planlagt/);
    await freshCheck(page, pages.meeting, 'meeting', 'nb', 'group_leader');

    // The record: agenda on two lines, minutes, agreements; saved with Enter on the button.
    await page.goto(`${pages.meeting}#record-heading`);
    await tabTo(page, 'agenda');
    await page.keyboard.type('Velkommen');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Hvordan går det hjemme?');
    await tabTo(page, 'minutes', 2);
    await page.keyboard.type('Foreldrene delte erfaringer med leksene (nettlesertest).');
    await tabTo(page, 'agreements', 2);
    await page.keyboard.type('Neste foreldremøte om fire uker.');
    const saved = await tabToSubmitAndPress(page);
    assert.equal(pathOf(page), pages.meeting, `saving the record ended at ${await landing(page, saved)}`);
    assert.match(await page.locator('.notice').innerText(), /Referatet er lagret/);
    assert.equal(await page.inputValue('#agenda'), 'Velkommen\nHvordan går det hjemme?');
    assert.match(await page.inputValue('#minutes'), /delte erfaringer/);

    // A guest from the school, added from the keyboard.
    await page.goto(`${pages.meeting}#guests-heading`);
    await tabTo(page, 'name');
    await page.keyboard.type('Lærer Lise');
    await tabTo(page, 'organisation', 2);
    await page.keyboard.type('Bakke skole');
    const [added] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.equal(pathOf(page), pages.meeting, `adding the guest ended at ${await landing(page, added)}`);
    assert.match(await page.locator('#guests-heading + ul').innerText(), /Lærer Lise \(Bakke skole\)/);

    // A concern about a child, from the course's concerns.
    await page.goto(pages.meetings);
    pages.concerns = await page.locator('a', { hasText: 'Bekymringsmeldinger for dette kurset' }).getAttribute('href');
    await freshCheck(page, pages.concerns, 'concerns', 'nb', 'group_leader');
    await page.goto(`${pages.concerns}#new-concern-heading`);
    await tabTo(page, 'participant_id');
    await page.keyboard.type('Maja');
    assert.notEqual(await page.inputValue('#participant_id'), '', 'typing chooses the child');
    await tabTo(page, 'concern', 2);
    await page.keyboard.type('Maja sa i dag at hun ofte er alene hjemme om kveldene (nettlesertest).');
    const filed = await tabToSubmitAndPress(page);
    assert.match(pathOf(page), /^\/concerns\/\d+$/, `filing ended at ${await landing(page, filed)}`);
    pages.concern = pathOf(page);
    assert.match(await page.locator('#current-decision').innerText(), /Ikke bestemt/);
    await freshCheck(page, pages.concern, 'concern', 'nb', 'group_leader');

    // The decision: sent today, with the service's reference. Arrow keys move the radio.
    await page.goto(`${pages.concern}#decision-heading`);
    await tabTo(page, 'decision-pending');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedId(page), 'decision-sent');
    await tabTo(page, 'sent_on', 3);
    await typeDate(page, 'sent_on', sameDayAndMonth(-1));
    await tabTo(page, 'reference', 2);
    await page.keyboard.type('BV-2026-41');
    await tabTo(page, 'decision_note', 2);
    await page.keyboard.type('Avklart med koordinator; meldt samme dag.');
    const decided = await tabToSubmitAndPress(page);
    assert.equal(pathOf(page), pages.concern, `deciding ended at ${await landing(page, decided)}`);
    assert.match(await page.locator('#current-decision').innerText(), /Sendt til barnevernet/);
    await freshCheck(page, '/concerns', 'concerns-all', 'nb', 'group_leader');

    // The same pages in English.
    await switchLanguage(page, 'en');
    for (const [name, path] of Object.entries(pages)) {
      await freshCheck(page, path, name, 'en', 'group_leader');
    }
    assert.match(await page.locator('#current-decision').innerText(), /Sent to the child welfare service/);
  } finally {
    await context.close();
  }
});

test('the coordinator designates readers and the administrator reviews flagged accesses', { timeout: 180_000 }, async () => {
  for (const [role, path, name] of [
    ['coordinator', '/concerns/readers', 'concern-readers'],
    ['admin', '/admin/audit/reviews', 'audit-reviews'],
  ]) {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    try {
      await signIn(page, server.accounts[role]);
      await freshCheck(page, path, name, 'nb', role);
      await switchLanguage(page, 'en');
      await freshCheck(page, path, name, 'en', role);
    } finally {
      await context.close();
    }
  }

  // A secretary and a user representative are refused, and see no link to concerns.
  for (const role of ['secretary', 'user_representative']) {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    try {
      await signIn(page, server.accounts[role]);
      assert.equal(await page.locator('a[href^="/concerns"]').count(), 0, `${role} sees no link to concerns`);
      const response = await page.goto('/concerns');
      assert.equal(response.status(), 403, `${role} is refused /concerns`);
    } finally {
      await context.close();
    }
  }
});
