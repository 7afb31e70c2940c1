// Shared browser helpers: one Chromium for a test file, contexts per role and language,
// axe checks, page-structure checks, and the sign-in and language-switch steps.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync, mkdirSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
export const LANGS = ['nb', 'en'];
const CHROMIUM = process.env.SAMLA_CHROMIUM || '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A fresh context (own cookies) with a Norwegian browser, at phone size. */
export async function newContext(browser, baseUrl, options = {}) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: PHONE,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    ...options,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

export function slug(text) {
  return text.replace(/^\/+/, '').replace(/[^A-Za-z0-9_-]+/g, '_') || 'root';
}

/** Saves a full-page screenshot under artifacts/ and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${slug(name)}.png`);
  try {
    await page.screenshot({ path, fullPage: true });
  } catch (e) {
    return `(screenshot failed: ${e.message})`;
  }
  return path;
}

function clip(text, n = 300) {
  const t = String(text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

/** Runs axe with the WCAG 2.1 A/AA tags; returns the violations. */
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return results.violations;
}

/** Human-readable lines for a list of axe violations. */
export function describeViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`axe ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    at ${node.target.join(' ')}: ${clip(node.html, 240)}`);
      if (node.failureSummary) lines.push(`       ${clip(node.failureSummary, 300)}`);
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more elements`);
  }
  return lines;
}

/** Appends one record per violation to artifacts/axe-violations.ndjson for the report. */
export function recordViolations(where, violations) {
  if (!violations.length) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'axe-violations.ndjson');
  for (const v of violations) {
    appendFileSync(file, JSON.stringify({
      ...where, rule: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: clip(n.html, 400) })),
    }) + '\n');
  }
}

/** Elements that stick out past the right edge of the viewport (for a useful failure). */
async function overflowing(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && r.width > 0) {
        // Report the outermost offenders only.
        if (out.some((o) => o.el.contains(el))) continue;
        out.push({ el, right: Math.round(r.right) });
      }
      if (out.length >= 5) break;
    }
    // Text can stick out of a box that fits (a long word in a heading).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    while (out.length < 5 && walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.textContent.trim()) continue;
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      const el = node.parentElement;
      if (r.right > width + 0.5 && !out.some((o) => o.el === el || o.el.contains(el))) {
        out.push({ el, right: Math.round(r.right), text: true });
      }
    }
    return out.map(({ el, right, text }) =>
      `${text ? 'text reaches' : 'right edge'} ${right}px: ${el.outerHTML.replace(/\s+/g, ' ').slice(0, 200)}`);
  });
}

/** Problems with horizontal scrolling at the current viewport. */
export async function horizontalScrollProblems(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth <= innerWidth) return [];
  return [`horizontal scroll at ${innerWidth}px: scrollWidth ${scrollWidth}`,
    ...(await overflowing(page)).map((s) => `    ${s}`)];
}

/**
 * Structure problems of a freshly loaded page: one h1, one main landmark, a skip link
 * to #main as the first thing Tab reaches, a title, the language switcher, html lang.
 * Presses Tab once, so call it right after navigation.
 */
export async function structureProblems(page, expectedLang) {
  const problems = [];
  const facts = await page.evaluate(() => {
    const html = document.documentElement;
    const form = [...document.querySelectorAll('form')].find(
      (f) => (f.getAttribute('method') || '').toLowerCase() === 'post' && f.getAttribute('action') === '/language');
    return {
      lang: html.getAttribute('lang'),
      title: document.title.trim(),
      h1: document.querySelectorAll('h1').length,
      main: document.querySelectorAll('main, [role="main"]').length,
      mainTarget: !!document.getElementById('main'),
      switcher: !!form,
      switchNb: !!form?.querySelector('button[name="lang"][value="nb"]'),
      switchEn: !!form?.querySelector('button[name="lang"][value="en"]'),
      activeBefore: document.activeElement ? document.activeElement.tagName : null,
    };
  });
  if (expectedLang && facts.lang !== expectedLang) problems.push(`<html lang="${facts.lang}">, expected "${expectedLang}"`);
  if (!facts.title) problems.push('empty <title>');
  if (facts.h1 !== 1) problems.push(`${facts.h1} h1 elements, expected exactly 1`);
  if (facts.main !== 1) problems.push(`${facts.main} main landmarks, expected exactly 1`);
  if (!facts.mainTarget) problems.push('no element with id="main" for the skip link to point at');
  if (!facts.switcher) problems.push('no <form method="post" action="/language"> language switcher');
  else if (!facts.switchNb || !facts.switchEn) problems.push('language switcher lacks button name="lang" value="nb" and/or value="en"');

  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return { tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), html: el.outerHTML.slice(0, 200) };
  });
  if (!first) problems.push('Tab from the top of the page focused nothing');
  else if (first.tag !== 'a' || first.href !== '#main') problems.push(`first focusable element is not a skip link to #main: ${first.html}`);
  // Leave focus where a fresh load would have it.
  await page.evaluate(() => document.activeElement?.blur());
  return problems;
}

/** Clicks the submit button of the form that holds `fieldSelector` and waits for the next page. */
export async function submitFormOf(page, fieldSelector) {
  const form = page.locator('form').filter({ has: page.locator(fieldSelector) }).first();
  const button = form.locator('button[type="submit"], button:not([type]), input[type="submit"]').first();
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
  return response;
}

/** Signs in with email and password; returns the response of the page landed on. */
export async function signIn(page, account) {
  await page.goto('/login');
  await page.fill('input[name="email"]', account.email);
  await page.fill('input[name="password"]', account.password);
  return submitFormOf(page, 'input[name="password"]');
}

/** Signs out with the page's sign-out form. */
export async function signOut(page) {
  const button = page.locator('form[action="/logout"] button').first();
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
  return response;
}

/** Switches language with the page's own switcher and checks <html lang>. */
export async function switchLanguage(page, lang) {
  const before = pathOf(page);
  const button = page.locator(`form[action="/language"] button[name="lang"][value="${lang}"]`).first();
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
  const status = response?.status();
  if (!response || status >= 400) {
    const h1 = await page.locator('h1').first().innerText().catch(() => '');
    throw new Error(`choosing ${lang} on the language switcher at ${before} answered HTTP ${status} ("${h1}")`);
  }
  const actual = await page.evaluate(() => document.documentElement.getAttribute('lang'));
  if (actual !== lang) throw new Error(`after choosing ${lang} on the language switcher at ${before}, <html lang="${actual}">`);
  if (pathOf(page) !== before) throw new Error(`choosing ${lang} at ${before} went to ${pathOf(page)} instead of back`);
}

export function pathOf(page) {
  return new URL(page.url()).pathname;
}

/**
 * The full check of one loaded page: structure, axe at phone and desktop size, and no
 * horizontal scroll at phone size. Returns a list of problem lines (empty when fine);
 * takes a screenshot for each size that failed.
 */
export async function checkPage(page, { name, lang, where }) {
  const problems = [];
  await page.setViewportSize(PHONE);
  const structure = await structureProblems(page, lang);
  problems.push(...structure);
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    const here = [];
    const violations = await axeViolations(page);
    recordViolations({ ...where, viewport: viewport.width }, violations);
    here.push(...describeViolations(violations).map((l) => `[${viewport.width}px] ${l}`));
    if (viewport === PHONE) here.push(...await horizontalScrollProblems(page));
    if (here.length || (viewport === PHONE && structure.length)) {
      here.push(`    screenshot: ${await screenshot(page, `${name}-${viewport.width}`)}`);
    }
    problems.push(...here);
  }
  await page.setViewportSize(PHONE);
  return problems;
}

/** Fails with every problem listed, one a line (no diff noise). */
export function assertNoProblems(problems, title) {
  if (problems.length) {
    const error = new Error(`${title}:\n${problems.join('\n')}`);
    error.code = 'ERR_ASSERTION';
    throw error;
  }
}

/** "PATH (HTTP STATUS, h1 "…")" for messages about where a step ended up. */
export async function landing(page, response) {
  const h1 = await page.locator('h1').first().innerText({ timeout: 1_000 }).catch(() => '');
  return `${pathOf(page)} (HTTP ${response?.status() ?? '?'}, h1 "${h1.trim()}")`;
}

/** What has keyboard focus: its id, or its tag with the link target; null for nothing. */
export function focusedElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return el.id || `${el.tagName.toLowerCase()}${el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : ''}`;
  });
}

/**
 * Presses Tab until `wanted(focused)` holds for what has focus (see focusedElement), at
 * most `max` times; returns what has focus, or fails naming where focus went.
 */
export async function tabUntil(page, wanted, what, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focusedElement(page);
    seen.push(now);
    if (now && wanted(now)) return now;
  }
  throw new Error(`Tab never reached ${what}; focus went ${seen.slice(-15).join(' → ')}`);
}

/** A fresh context signed in as `role` of the demo server, in `lang`: { context, page }. */
export async function signedInAs(browser, server, role, lang) {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  const response = await signIn(page, server.accounts[role]);
  if (pathOf(page) !== '/') {
    throw new Error(`${role} signing in landed on ${await landing(page, response)}`);
  }
  // The choice of language is the person's own and outlives the session: switch when the
  // page is in another.
  const shown = await page.evaluate(() => document.documentElement.getAttribute('lang'));
  if (shown !== lang) await switchLanguage(page, lang);
  return { context, page };
}
