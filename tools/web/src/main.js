// The inspector's page: one plan's figures as of a date, as known at an
// import batch, from the JSON API of `tledger serve` (tools/server/README.md).
// Every text from the ledger goes into the page as text (textContent),
// never as markup.
import './style.css';
import { ApiError, get, setToken } from './api.js';
import { barChart, destroyChart } from './charts.js';
import { achieved, daysToIso, dmyToIso, isoToDays, isoToDmy, money, number, todayIso, vietnamTime } from './format.js';
import { count, getLang, measure, ruleText, setCatalog, setLang, severityText, t } from './i18n.js';

// The slider's range: the first plans a ledger is likely to hold, to two
// years ahead.
const SLIDER_FIRST = '2015-01-01';

const state = {
  plan: '',
  asOf: todayIso(),
  knownAt: '',
  violationsScope: 'plan', // 'plan' or 'all'
  batches: [],
  plans: [],
  report: null,       // the chosen plan's report
  violations: null,   // the violations in scope
  ruleFilter: '',
  textFilter: '',
};
let generation = 0;
let renders = 0;

// Counts the renders that completed, on <body data-renders>: what the
// browser tests wait on after each action.
function markRendered() {
  renders += 1;
  document.body.dataset.renders = String(renders);
}

// ------------------------------------------------------------------ DOM helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}
const $ = (id) => document.getElementById(id);

// A table: caption, header cells, rows of cells ({text, num} or a string).
function table(id, caption, headers, rows) {
  const head = el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', text: h.text ?? h, class: h.num ? 'num' : null })));
  const body = rows.map((r) => el('tr', {}, ...r.map((c, i) => {
    const cell = typeof c === 'object' && c !== null ? c : { text: c };
    const tag = i === 0 ? 'th' : 'td';
    return el(tag, { scope: i === 0 ? 'row' : null, class: cell.num ? 'num' : null, text: cell.text ?? '' });
  })));
  return el('table', { id }, el('caption', { text: caption }), el('thead', {}, head), el('tbody', {}, ...body));
}

function setStatus(text, isError = false) {
  const s = $('status');
  s.textContent = text;
  s.className = isError ? 'status error' : 'status';
  s.setAttribute('role', isError ? 'alert' : 'status');
}

function showError(e) {
  if (e instanceof ApiError) {
    if (e.status === 401) {
      $('token-form').hidden = false;
      $('token-input').focus();
    }
    setStatus(`${t('error')}: ${getLang() === 'vi' ? e.vi : e.en}`, true);
  } else {
    setStatus(`${t('error')}: ${e.message}`, true);
  }
}

// ------------------------------------------------------------------ state in the address

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  if (p.get('lang')) setLang(p.get('lang'));
  if (p.get('plan')) state.plan = p.get('plan');
  if (p.get('as_of') && /^\d{4}-\d{2}-\d{2}$/.test(p.get('as_of'))) state.asOf = p.get('as_of');
  if (p.get('known_at')) state.knownAt = p.get('known_at');
}
function writeHash() {
  const p = new URLSearchParams();
  p.set('lang', getLang());
  if (state.plan) p.set('plan', state.plan);
  p.set('as_of', state.asOf);
  if (state.knownAt) p.set('known_at', state.knownAt);
  history.replaceState(null, '', `#${p.toString()}`);
}

// ------------------------------------------------------------------ loading

async function loadBatches() {
  const b = await get('batches');
  state.batches = b.batches;
}

async function load() {
  const mine = ++generation;
  setStatus(t('loading'));
  document.body.setAttribute('aria-busy', 'true');
  writeHash();
  try {
    // The plan list, the chosen plan's report and the violations are asked
    // for at once; only when the chosen plan is not in the list (another
    // date, another known-at) is its report asked for again.
    const asked = state.plan;
    const scoped = (plan) => (plan ? get('report', { as_of: state.asOf, known_at: state.knownAt, plan }) : null);
    const [whole, first, violations] = await Promise.all([
      get('report', { as_of: state.asOf, known_at: state.knownAt }),
      scoped(asked)?.catch(() => null),
      loadViolations().catch(() => null),
    ]);
    if (mine !== generation) return;
    state.plans = whole.plans.map((p) => p.plan);
    if (!state.plans.includes(state.plan)) state.plan = state.plans[0] ?? '';
    writeHash();
    const planChanged = state.plan !== asked;
    const [report, scopedViolations] = await Promise.all([
      !state.plan ? whole : planChanged || !first ? scoped(state.plan) : first,
      planChanged || !violations ? loadViolations() : violations,
    ]);
    if (mine !== generation) return;
    state.report = report;
    state.violations = scopedViolations;
    render();
    setStatus(t('loaded'));
    markRendered();
  } catch (e) {
    if (mine === generation) showError(e);
  } finally {
    if (mine === generation) document.body.removeAttribute('aria-busy');
  }
}

function loadViolations() {
  const plan = state.violationsScope === 'plan' ? state.plan : '';
  return get('violations', { as_of: state.asOf, known_at: state.knownAt, plan, lang: getLang() });
}

// ------------------------------------------------------------------ controls

function renderControls() {
  const plan = $('plan-select');
  plan.replaceChildren(...(state.plans.length ? state.plans.map((p) => el('option', { value: p, text: p, selected: p === state.plan }))
    : [el('option', { value: '', text: t('no_plan') })]));
  $('as-of-input').value = isoToDmy(state.asOf);
  const slider = $('as-of-slider');
  slider.value = String(isoToDays(state.asOf));
  slider.setAttribute('aria-valuetext', isoToDmy(state.asOf));
  const known = $('known-at-select');
  const options = [el('option', { value: '', text: t('known_at_latest'), selected: state.knownAt === '' })];
  state.batches.forEach((b, i) => {
    options.push(el('option', {
      value: b.recorded_at,
      selected: b.recorded_at === state.knownAt,
      text: t('batch_option', i + 1, vietnamTime(b.recorded_at), number(b.events, getLang()), b.recorded_by.join(', ')),
    }));
  });
  known.replaceChildren(...options);
}

function setUpControls() {
  const slider = $('as-of-slider');
  slider.min = String(isoToDays(SLIDER_FIRST));
  slider.max = String(isoToDays(`${new Date().getUTCFullYear() + 2}-12-31`));
  // The field follows the slider as it moves; the figures reload when it is
  // let go (change), not at every step.
  slider.addEventListener('input', () => {
    const iso = daysToIso(Number(slider.value));
    $('as-of-input').value = isoToDmy(iso);
    slider.setAttribute('aria-valuetext', isoToDmy(iso));
  });
  slider.addEventListener('change', () => {
    state.asOf = daysToIso(Number(slider.value));
    load();
  });
  $('as-of-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = $('as-of-input').value;
    const iso = dmyToIso(text);
    if (!iso) {
      $('as-of-input').setAttribute('aria-invalid', 'true');
      setStatus(t('date_invalid', text), true);
      return;
    }
    $('as-of-input').removeAttribute('aria-invalid');
    state.asOf = iso;
    load();
  });
  $('plan-select').addEventListener('change', (ev) => {
    state.plan = ev.target.value;
    load();
  });
  $('known-at-select').addEventListener('change', (ev) => {
    state.knownAt = ev.target.value;
    load();
  });
  $('scope-select').addEventListener('change', async (ev) => {
    state.violationsScope = ev.target.value;
    try {
      state.violations = await loadViolations();
      renderViolations();
      markRendered();
    } catch (e) {
      showError(e);
    }
  });
  $('rule-filter').addEventListener('change', (ev) => {
    state.ruleFilter = ev.target.value;
    renderViolationRows();
  });
  $('text-filter').addEventListener('input', (ev) => {
    state.textFilter = ev.target.value.trim();
    renderViolationRows();
  });
  $('lang-button').addEventListener('click', async () => {
    setLang(getLang() === 'vi' ? 'en' : 'vi');
    writeHash();
    renderStatic();
    if (state.report) render();
    // The violations' detail is in the language asked for.
    if (state.violations) {
      try {
        state.violations = await loadViolations();
        renderViolations();
        setStatus(t('loaded'));
        markRendered();
      } catch (e) {
        showError(e);
      }
    }
  });
  $('print-button').addEventListener('click', () => window.print());
  $('token-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setToken($('token-input').value.trim());
    $('token-form').hidden = true;
    start();
  });
}

// The words of the page's fixed parts, in the current language.
function renderStatic() {
  document.title = t('app_title');
  for (const node of document.querySelectorAll('[data-word]')) node.textContent = t(node.dataset.word);
  $('lang-button').textContent = t('switch_language');
  $('lang-button').setAttribute('aria-label', t('switch_language_label'));
  $('scope-select').replaceChildren(
    el('option', { value: 'plan', text: t('scope_plan', state.plan || '…'), selected: state.violationsScope === 'plan' }),
    el('option', { value: 'all', text: t('all_plans_scope'), selected: state.violationsScope === 'all' }),
  );
}

// ------------------------------------------------------------------ the figures

function render() {
  const lang = getLang();
  renderControls();
  renderStatic();
  const r = state.report;
  $('report-header').textContent = t('report_header', isoToDmy(r.as_of), vietnamTime(r.known_at), count(r.events_counted, 'events'));
  const plan = r.plans[0];
  const sections = $('plan-sections');
  sections.replaceChildren();
  if (!plan) {
    destroyChart('cells');
    sections.append(el('p', { text: t('no_plans') }));
  } else {
    sections.append(el('h2', { id: 'plan-title', text: t('plan_title', plan.document?.title ?? plan.plan, plan.plan) }));
    // Money.
    const moneyRows = [
      [measure('budget_vnd'), { text: money(plan.budget_vnd, lang), num: true }],
      [measure('public_funding_vnd'), { text: money(plan.public_funding_vnd, lang), num: true }],
      [measure('remaining_vnd'), { text: money(plan.remaining_vnd, lang), num: true }],
      [t('compensation_due'), { text: money(r.reimbursement_due_vnd, lang), num: true }],
    ];
    sections.append(table('money-table', t('money'), [t('money_item'), { text: t('money_amount'), num: true }], moneyRows));
    // Plan against actual: the chart shows the cells with a quota (those
    // without have no plan to compare with; the table lists every cell).
    const labels = plan.cells.map((c) => `${c.program}/${c.funding_class}/${c.location}`);
    const planned = plan.cells.map((c, i) => ({ c, label: labels[i] })).filter((x) => x.c.quota !== null);
    sections.append(el('h3', { text: t('plan_vs_actual') }));
    if (planned.length === 0) {
      destroyChart('cells');
      sections.append(el('p', { text: t('no_quota_cells') }));
    } else {
      const canvas = el('canvas', { id: 'cells-chart', role: 'img', 'aria-label': t('chart_cells_label', planned.length) });
      sections.append(el('div', { class: 'chart-box tall' }, canvas));
      barChart('cells', canvas, planned.map((x) => `${x.label} (${achieved(x.c.enrolled, x.c.quota, lang) ?? t('no_quota')})`), [
        { label: measure('quota'), data: planned.map((x) => x.c.quota) },
        { label: measure('enrolled'), data: planned.map((x) => x.c.enrolled) },
      ], { horizontal: true, numberFormat: (v) => number(v, lang) });
    }
    const cellHeaders = [t('cell'), ...['quota', 'enrolled'].map((m) => ({ text: measure(m), num: true })), { text: t('achieved'), num: true },
      ...['completed', 'failed', 'in_progress', 'withdrawn'].map((m) => ({ text: measure(m), num: true }))];
    const cellRows = plan.cells.map((c, i) => [
      labels[i],
      { text: c.quota === null ? t('no_quota') : number(c.quota, lang), num: true },
      { text: number(c.enrolled, lang), num: true },
      { text: achieved(c.enrolled, c.quota, lang) ?? t('no_quota'), num: true },
      ...[c.completed, c.failed, c.in_progress, c.withdrawn].map((v) => ({ text: number(v, lang), num: true })),
    ]);
    sections.append(table('cells-table', t('plan_vs_actual'), cellHeaders, cellRows));
  }
  renderGroups('form', t('by_form_title'), r.by_form.map((g) => [g.form, g.trainee_turns, g.classes]), ['trainee_turns', 'classes']);
  renderGroups('level', t('by_level_title'), r.by_level.map((g) => [g.level, g.trainee_turns, g.persons]), ['trainee_turns', 'persons']);
  renderViolations();
}

// A chart of trainee-turns by form or by level, and its table.
function renderGroups(id, title, rows, measures) {
  const lang = getLang();
  const box = $(`${id}-section`);
  const canvas = el('canvas', { id: `${id}-chart`, role: 'img', 'aria-label': t('chart_groups_label', title) });
  box.replaceChildren(el('h2', { text: title }), el('div', { class: 'chart-box' }, canvas));
  barChart(id, canvas, rows.map((r) => r[0]), [{ label: measure(measures[0]), data: rows.map((r) => r[1]) }],
    { numberFormat: (v) => number(v, lang) });
  box.append(table(`${id}-table`, title, [t(id === 'form' ? 'form_header' : 'level_header'),
    ...measures.map((m) => ({ text: measure(m), num: true }))],
  rows.map((r) => [r[0], { text: number(r[1], lang), num: true }, { text: number(r[2], lang), num: true }])));
}

function renderViolations() {
  const v = state.violations;
  if (!v) return;
  const byRule = new Map();
  for (const x of v.violations) byRule.set(x.rule, (byRule.get(x.rule) ?? 0) + 1);
  const rules = [...byRule.keys()].sort();
  const lang = getLang();
  $('rule-counts').replaceChildren(table('rule-count-table', t('violations_by_rule'),
    [t('rule_header'), t('description'), t('severity'), { text: t('count'), num: true }],
    rules.map((r) => [r, ruleText(r), severityText(r), { text: number(byRule.get(r), lang), num: true }])));
  if (state.ruleFilter && !byRule.has(state.ruleFilter)) state.ruleFilter = '';
  $('rule-filter').replaceChildren(el('option', { value: '', text: t('all_rules') }),
    ...rules.map((r) => el('option', { value: r, text: `${r}: ${ruleText(r)}`, selected: r === state.ruleFilter })));
  renderViolationRows();
}

function renderViolationRows() {
  const v = state.violations;
  if (!v) return;
  const lang = getLang();
  const needle = state.textFilter.toLowerCase();
  const shown = v.violations.filter((x) => (!state.ruleFilter || x.rule === state.ruleFilter) &&
    (!needle || [x.subject, x.event, x.enrollment ?? ''].some((s) => s.toLowerCase().includes(needle))));
  $('violations-count').textContent = t('shown_of', number(shown.length, lang), number(v.violations.length, lang));
  const headers = [t('rule_header'), t('severity'), t('event_header'), t('subject_header'), t('enrollment'),
    { text: t('amount'), num: true }, t('detail_header')];
  const rows = shown.map((x) => [x.rule, severityText(x.rule), x.event, x.subject, x.enrollment ?? '',
    { text: x.amount_vnd === null ? '' : money(x.amount_vnd, lang), num: true }, x.detail]);
  $('violations-table-box').replaceChildren(table('violations-table', t('violations_title'), headers, rows));
}

// ------------------------------------------------------------------ start

async function start() {
  try {
    setCatalog(await get('labels'));
    renderStatic();
    await loadBatches();
    renderControls();
    await load();
  } catch (e) {
    showError(e);
  }
}

readHash();
setLang(getLang());
setUpControls();
renderStatic();
start();
