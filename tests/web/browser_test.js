// The web page in a real browser: Debian's headless Chromium
// (/usr/bin/chromium) driven by playwright-core (package.json; no browser
// is ever downloaded).  usage: node browser_test.js BASE_URL OUT_DIR
//
// 1. With JavaScript disabled (the page needs none): type a query in
//    traditional script, submit, find simplified passages highlighted; click
//    a region facet; go to page 2; open a reading view and find the passage
//    scrolled to and highlighted; the same page at phone width.
// 2. With JavaScript enabled: XSS probes in every parameter and through
//    the form; no dialog may fire and the probes must show as text.
// Screenshots go to OUT_DIR/web-*.png.  Prints "N passed, N failed"; when
// Chromium cannot start at all, says why and counts nothing.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const [base, outDir] = process.argv.slice(2);
let passed = 0, failed = 0;
function check(cond, name, detail) {
  if (cond) passed++;
  else { failed++; console.log(`FAIL ${name}${detail !== undefined ? ' ' + detail : ''}`); }
  return cond;
}
const shot = (page, name, full = true) =>
  page.screenshot({ path: path.join(outDir, `web-${name}.png`), fullPage: full });

async function flow(browser) {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  let r = await page.goto(base + '/');
  check(r.status() === 200, 'form page loads', r.status());
  await shot(page, '1-form');
  await page.fill('#q', '發展');
  await Promise.all([page.waitForNavigation(), page.click('form.search button[type=submit]')]);
  check(/\/search\?q=/.test(page.url()), 'the form submits to /search without JavaScript', page.url());
  const marks = await page.locator('li.hit mark').allTextContents();
  check(marks.length > 0, 'highlighted words in the hits', marks.length);
  check(marks.includes('发展'), 'simplified passages highlighted for a traditional query', marks.slice(0, 5).join(','));
  check(await page.locator('#chart-year svg rect').count() > 0, 'year chart drawn');
  check(await page.locator('#chart-region svg rect').count() > 0, 'region chart drawn');
  await shot(page, '2-results');

  const facet = page.locator('#facet-region > ul > li > a').first();
  const region = (await facet.textContent()).trim();
  await Promise.all([page.waitForNavigation(), facet.click()]);
  check(page.url().includes('region='), 'facet link adds the region filter', page.url());
  check((await page.locator('ul.active').textContent()).includes(region), 'active filter shown', region);
  check(await page.locator('ul.active a.remove').count() === 1, 'a link removes it');
  await shot(page, '3-facet');

  const next = page.locator('nav.pages a[rel=next]');
  if (check(await next.count() === 1, 'a next page link')) {
    await Promise.all([page.waitForNavigation(), next.click()]);
    check(page.url().includes('page=2'), 'page 2 in the URL', page.url());
    check(await page.locator('li.hit').first().getAttribute('value') === '11', 'page 2 starts at rank 11');
    check(await page.locator('nav.pages .current').textContent() === '2', 'page 2 is current');
    await shot(page, '4-page2');
  }

  const title = page.locator('li.hit h2 a').first();
  const href = await title.getAttribute('href');
  const frag = href.split('#')[1];
  await Promise.all([page.waitForNavigation(), title.click()]);
  check(page.url().endsWith('#' + frag), 'reading view URL has the passage fragment', page.url());
  const target = page.locator(`[id="${frag}"]`);
  check(await target.count() === 1, 'the passage is in the reading view', frag);
  check(await target.locator('mark').count() > 0, 'the passage is highlighted');
  check((await target.getAttribute('class')) === 'match', 'the passage is marked as a hit');
  check(await page.locator('main.reading .match').count() >= 2, 'other hits of the speech marked too');
  const box = await target.boundingBox();
  check(box && box.y >= -2 && box.y < 900, 'the passage is scrolled into view', box && box.y);
  check(await page.locator('nav.speeches a').count() >= 1, 'previous/next speech links');
  await shot(page, '5-reading', false); // the window as scrolled to the passage

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + '/search?q=' + encodeURIComponent('项目建设'));
  const results = await page.locator('main.results').boundingBox();
  check(results && results.width <= 390, 'phone width: results fit the screen', results && results.width);
  await shot(page, '6-phone');
  await ctx.close();
}

const PROBES = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)'];
const PARAMS = ['q', 'region', 'year', 'kind', 'page', 'n', 'db', 'format', 'view', 'speech', 'facets',
  'like', 'at'];

async function xss(browser) {
  const ctx = await browser.newContext({ javaScriptEnabled: true });
  const page = await ctx.newPage();
  let dialogs = 0;
  page.on('dialog', d => { dialogs++; d.dismiss().catch(() => {}); });
  for (const p of PARAMS) {
    for (const probe of PROBES) {
      const qs = new URLSearchParams(p === 'q' ? { q: probe } : { q: '发展', [p]: probe });
      if (p === 'speech') qs.set('view', 'corpus/x.txt');
      if (p === 'like' || p === 'at') { qs.delete('q'); qs.set('like', p === 'like' ? probe : 'corpus/x.txt'); if (p === 'like') qs.set('at', '1'); }
      const name = `xss ${p}=${probe}`;
      const r = await page.goto(`${base}/search?${qs}`);
      check([200, 400, 404].includes(r.status()), `${name}: an answer`, r.status());
      const live = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        imgs: document.querySelectorAll('img').length,
        handlers: [...document.querySelectorAll('*')].filter(e =>
          [...e.attributes].some(a => a.name.startsWith('on'))).length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter(a =>
          a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
      }));
      check(live.scripts === 0 && live.imgs === 0 && live.handlers === 0 && live.jsLinks === 0,
            `${name}: nothing live in the page`, JSON.stringify(live));
      if (p === 'q')
        check(await page.inputValue('#q') === probe, `${name}: shows as typed in the box`);
      if (['region', 'year'].includes(p) && r.status() === 200)
        check(await page.inputValue('#' + p) === probe, `${name}: shows as typed`);
    }
  }
  await page.goto(base + '/');
  await page.fill('#q', PROBES[1]);
  await Promise.all([page.waitForNavigation(), page.click('form.search button[type=submit]')]);
  check(await page.inputValue('#q') === PROBES[1], 'xss through the form: shows as typed');
  check((await page.title()).includes(PROBES[1]), 'xss through the form: title is text');
  await shot(page, '7-xss');
  check(dialogs === 0, 'no dialog fired in any probe', dialogs);
  await ctx.close();
}

(async () => {
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      timeout: 60000,
    });
  } catch (e) {
    console.log('SKIP: Chromium cannot start: ' + String(e.message).split('\n')[0]);
    console.log('0 passed, 0 failed');
    return;
  }
  try {
    await flow(browser);
    await xss(browser);
  } catch (e) {
    check(false, 'browser test ran to the end', e.stack);
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
})();
