// The inspector's page in a real browser (tests/CMakeLists.txt: web_e2e_test):
// Playwright (playwright-core from the lockfile) drives Debian's
// /usr/bin/chromium, headless, against `tledger serve` on the demo ledger on
// a free loopback port. Nothing is downloaded at run time.
//
//   node e2e.mjs --tledger BIN --db LEDGER --out DIR
//
// Each step saves a screenshot in DIR. Exits 0 when every check held; on the
// first failure prints what was expected and what was found, exits 1.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
for (const k of ['tledger', 'db', 'out']) {
  if (!args[k]) {
    console.error(`usage: node e2e.mjs --tledger BIN --db LEDGER --out DIR (missing --${k})`);
    process.exit(2);
  }
}
mkdirSync(args.out, { recursive: true });

let failures = 0;
function check(ok, what, expected, found) {
  if (ok) {
    console.log(`ok   ${what}`);
  } else {
    failures += 1;
    console.log(`FAIL ${what}\n     expected: ${JSON.stringify(expected)}\n     found:    ${JSON.stringify(found)}`);
  }
}
function equal(found, expected, what) { check(JSON.stringify(found) === JSON.stringify(expected), what, expected, found); }

// The CLI's own answer, to compare the page with.
function cli(...cmd) {
  return JSON.parse(execFileSync(args.tledger, ['--db', args.db, '--read-only', ...cmd, '--format', 'json'], { encoding: 'utf8' }));
}
function countsByRule(violations) {
  const counts = {};
  for (const v of violations) counts[v.rule] = (counts[v.rule] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort());
}

// ---------------------------------------------------------------- the server

function startServer() {
  const child = spawn(args.tledger, ['--db', args.db, 'serve', '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('tledger serve printed no address within 20 s')), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({ child, url: line.trim() });
      }
    });
    child.on('exit', (code) => reject(new Error(`tledger serve exited ${code} before listening`)));
  });
}

const { child: server, url } = await startServer();
console.log(`serving ${url}`);
// Playwright starts the browser with a new empty profile of its own.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));

  const renders = () => page.evaluate(() => Number(document.body.dataset.renders ?? 0));
  // Runs `action`, then waits for the page to finish the render it causes.
  async function acting(action) {
    const before = await renders();
    await action();
    await page.waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n && !document.body.hasAttribute('aria-busy'),
      before, { timeout: 30000 });
  }
  const shot = async (name) => {
    await page.screenshot({ path: join(args.out, name), fullPage: true });
    console.log(`     screenshot ${join(args.out, name)}`);
  };
  const text = (sel) => page.locator(sel).innerText();
  // The cells of the table row whose first cell is `first`.
  const row = (tableId, first) => page.evaluate(([id, f]) => {
    for (const tr of document.querySelectorAll(`#${id} tbody tr`)) {
      const cells = [...tr.children].map((c) => c.textContent);
      if (cells[0] === f) return cells;
    }
    return null;
  }, [tableId, first]);
  const ruleCounts = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#rule-count-table tbody tr')]
    .map((tr) => [tr.children[0].textContent, Number(tr.children[3].textContent.replace(/[.,]/g, ''))]).sort()));

  // 1. Open the page: Vietnamese by default.
  await acting(() => page.goto(url));
  equal(await page.evaluate(() => document.documentElement.lang), 'vi', 'the page opens in Vietnamese');
  equal(await text('h1'), 'Sổ cái đào tạo, bồi dưỡng cán bộ, công chức, viên chức', 'the title is Vietnamese');
  await shot('01-opened.png');

  // 2. Choose CT-2025, set 31/12/2025 in the date field.
  await acting(() => page.selectOption('#plan-select', 'CT-2025'));
  await page.fill('#as-of-input', '31/12/2025');
  await acting(() => page.press('#as-of-input', 'Enter'));
  equal(await text('#plan-title'), 'Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2025 (CT-2025)', 'the plan section is CT-2025, headed by its title');
  equal(await page.inputValue('#as-of-input'), '31/12/2025', 'the date field shows 31/12/2025');
  const chart = await page.evaluate(() => {
    const c = window.tledgerCharts.cells;
    return { labels: c.data.labels, series: c.data.datasets.map((d) => ({ label: d.label, data: d.data })) };
  });
  const at = (prefix) => chart.labels.findIndex((l) => l.startsWith(`${prefix} `) || l === prefix);
  equal(chart.series[0].label, 'Chỉ tiêu', "the chart's first series is the quota");
  equal(chart.series[0].data[at('phd/public/domestic')], 17, "the chart's quota of phd/public/domestic");
  equal(chart.series[0].data[at('master/public/domestic')], 138, "the chart's quota of master/public/domestic");
  equal(chart.series[1].data[at('phd/public/domestic')], 11, "the chart's enrolled of phd/public/domestic");
  equal(chart.labels[at('phd/public/domestic')], 'phd/public/domestic (64,7%)', "the chart's label shows % đạt");
  // quota, enrolled, % đạt, completed, failed, in progress, withdrawn
  equal(await row('cells-table', 'phd/public/domestic'), ['phd/public/domestic', '17', '11', '64,7%', '0', '0', '11', '1'],
    'the table row of phd/public/domestic');
  equal(await row('cells-table', 'master/public/domestic'), ['master/public/domestic', '138', '104', '75,4%', '0', '0', '104', '0'],
    'the table row of master/public/domestic');
  equal(await row('money-table', 'Dự toán kinh phí'), ['Dự toán kinh phí', '4.700.000.000 đ'], "the plan's budget");
  const cliLatest = cli('violations', '--as-of', '2025-12-31', '--plan', 'CT-2025');
  const latestCounts = await ruleCounts();
  equal(latestCounts, countsByRule(cliLatest.violations), 'the violation counts are the CLI\'s (known now)');
  await shot('02-ct-2025-31-12-2025.png');

  // 3. Known at the batch before the last: the backdated nomination is not
  // yet known, so CT-000156's enrollment is NOT_IN_PLAN again.
  const batches = cli('batches').batches;
  const before = batches[batches.length - 2].recorded_at;
  await acting(() => page.selectOption('#known-at-select', before));
  const cliBefore = cli('violations', '--as-of', '2025-12-31', '--plan', 'CT-2025', '--known-at', before);
  const beforeCounts = await ruleCounts();
  equal(beforeCounts, countsByRule(cliBefore.violations), 'the violation counts are the CLI\'s (known before the last batch)');
  check(beforeCounts.NOT_IN_PLAN === latestCounts.NOT_IN_PLAN + 1, 'one more NOT_IN_PLAN before the last batch',
    latestCounts.NOT_IN_PLAN + 1, beforeCounts.NOT_IN_PLAN);
  check((await text('#report-header')).includes('(UTC+07:00)'), 'the known-at instant is shown in Vietnam time', '(UTC+07:00)', await text('#report-header'));
  await page.fill('#text-filter', 'CT-000156');
  equal(await text('#violations-count'), 'Hiển thị 1 trên ' + cliBefore.violations.length + ' trường hợp', 'the id filter keeps CT-000156\'s case');
  await shot('03-known-before-last-batch.png');
  await page.fill('#text-filter', '');

  // 4. Keyboard: the slider moves a day with the arrow key.
  await page.focus('#as-of-slider');
  await acting(async () => {
    await page.keyboard.press('ArrowRight');
    // A key press on a range fires input and change.
  });
  equal(await page.inputValue('#as-of-input'), '01/01/2026', 'the arrow key moves the date by one day');
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, button')]
    .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()).map((e) => e.id));
  equal(unlabelled, [], 'every control has a label');

  // 5. English.
  await page.fill('#as-of-input', '31/12/2025');
  await acting(() => page.press('#as-of-input', 'Enter'));
  await acting(() => page.click('#lang-button'));
  equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the page switched to English');
  equal(await text('h1'), 'Ledger of the training of civil servants', 'the title is English');
  equal(await row('cells-table', 'phd/public/domestic'), ['phd/public/domestic', '17', '11', '64.7%', '0', '0', '11', '1'],
    'the table in English');
  equal(await row('money-table', 'Budget'), ['Budget', '4,700,000,000 VND'], "the plan's budget in English");
  const firstDetail = await page.evaluate(() => document.querySelector('#violations-table tbody tr td:last-child')?.textContent);
  const cliEn = cli('violations', '--as-of', '2025-12-31', '--plan', 'CT-2025', '--known-at', before, '--lang', 'en');
  equal(firstDetail, cliEn.violations[0].detail, 'the violations\' detail is the CLI\'s English');
  await shot('04-english.png');

  // 6. The print stylesheet.
  await page.emulateMedia({ media: 'print' });
  await shot('05-print.png');
  equal(await page.locator('.controls').isVisible(), false, 'the controls are not printed');

  equal(problems, [], 'no console error, CSP violation or failed request');
} catch (e) {
  failures += 1;
  console.log(`FAIL ${e.stack}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
console.log(failures === 0 ? 'web e2e: all checks passed' : `web e2e: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
