// Words in the chosen language: the page's own (words.js) and the server's
// catalog (/api/v1/labels, tools/cli/labels.h), which wins where both have
// a key. Vietnamese by default.
import { number } from './format.js';
import { WORDS } from './words.js';

let lang = 'vi';
let catalog = { texts: {}, measures: {}, rules: {}, nouns: {} };

export function setCatalog(c) { catalog = c; }
export function getLang() { return lang; }
export function setLang(l) {
  lang = l === 'en' ? 'en' : 'vi';
  document.documentElement.lang = lang;
}

// "{} of {}" filled in order with args; a {} with no argument left stays.
export function fill(template, ...args) {
  let i = 0;
  return template.replace(/\{\}/g, (m) => (i < args.length ? String(args[i++]) : m));
}

function pick(entry, key) {
  if (!entry) return `[${key}]`;
  return entry[lang] ?? entry.vi;
}

// A page word, or a catalog text ("texts" of /api/v1/labels) by its key.
export function t(key, ...args) {
  const entry = catalog.texts[key] ?? WORDS[key];
  return fill(pick(entry, key), ...args);
}
// A column header of a report measure ("enrolled" -> "Ghi danh").
export function measure(key) { return catalog.measures[key] ? pick(catalog.measures[key], key) : key; }
// A rule's description and its severity's word.
export function ruleText(rule) { return catalog.rules[rule] ? pick(catalog.rules[rule], rule) : rule; }
export function severityText(rule) {
  const r = catalog.rules[rule];
  return r ? pick(r.severity_label, rule) : '';
}
// "3 vi phạm" / "1 violation", "3 violations".
export function count(n, noun) {
  const e = catalog.nouns[noun];
  if (!e) return String(n);
  return `${number(n, lang)} ${lang === 'vi' ? e.vi : n === 1 ? e.en_one : e.en_many}`;
}
