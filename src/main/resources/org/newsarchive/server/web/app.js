// The web page of `newsarchive serve`: search, filters, timeline and article view over the
// HTTP API (docs/http-api.md). Plain ES2020, no framework. Two rules hold everywhere:
// - article text only ever reaches the page as text nodes (append(string), textContent):
//   marks are built here from the API's offsets, never from HTML the API sends;
// - the whole state lives in the URL fragment, so a search can be bookmarked, reloaded and
//   walked with back/forward; every user action goes through navigate().
'use strict';

const PAGE = 10;                 // hits per page (the API's default limit)
const SLICE = 100000;            // characters of article text rendered at a time
const TIMEOUT_MS = 60000;        // longest wait for an answer (the server's own limit is shorter)
const FILTERS = ['person', 'org', 'place', 'misc', 'source', 'author'];
const TYPE_WORD = { person: 'person', org: 'organisation', place: 'place', misc: 'name', source: 'source', author: 'author' };
const TYPE_TITLE = { person: 'People', org: 'Organisations', place: 'Places', misc: 'Other names', source: 'Sources' };
const DEFAULTS = { q: '', from: '', to: '', sort: 'relevance', page: 1, collapse: false, by: 'auto', share: false, compare: '', article: '' };

const $ = (sel) => document.querySelector(sel);
const fmt = (n) => Number(n).toLocaleString('en-US');
const plural = (n, one, many) => `${fmt(n)} ${n === 1 ? one : many}`;

/** An element with attributes and children; strings become text nodes, never markup. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v == null) continue;
    if (k === 'class') node.className = v; else node.setAttribute(k, v === true ? '' : String(v));
  }
  node.append(...children.filter((c) => c != null && c !== false));
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

// ---------------------------------------------------------------- state and URL

function emptyState() {
  const s = { ...DEFAULTS };
  for (const f of FILTERS) s[f] = [];
  return s;
}

function parseState(hash) {
  const p = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const s = emptyState();
  for (const k of ['q', 'from', 'to', 'compare', 'article']) s[k] = (p.get(k) || '').trim();
  if (['newest', 'oldest'].includes(p.get('sort'))) s.sort = p.get('sort');
  if (['day', 'week', 'month', 'year'].includes(p.get('by'))) s.by = p.get('by');
  s.page = Math.max(1, parseInt(p.get('page'), 10) || 1);
  s.collapse = p.get('collapse') === '1';
  s.share = p.get('share') === '1';
  for (const f of FILTERS) s[f] = [...new Set(p.getAll(f).map((v) => v.trim()).filter(Boolean))];
  return s;
}

/** The canonical fragment of a state: defaults left out, fixed order, so equal states give equal URLs. */
function toHash(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of FILTERS) for (const v of s[f]) p.append(f, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.collapse) p.set('collapse', '1');
  if (s.page > 1) p.set('page', s.page);
  if (s.by !== 'auto') p.set('by', s.by);
  if (s.share) p.set('share', '1');
  if (s.compare) p.set('compare', s.compare);
  if (s.article) p.set('article', s.article);
  const str = p.toString();
  return str ? '#' + str : '';
}

let state = parseState(location.hash);

/** Moves to a new state: one history entry per real change (none for the same URL), then renders. */
function navigate(next, { back = false } = {}) {
  const hash = toHash(next);
  if (hash !== toHash(parseState(location.hash))) {
    // `back` marks an entry that Escape / "Back to results" may leave with history.back()
    history.pushState({ app: 1, back }, '', hash || location.pathname + location.search);
  }
  state = next;
  render();
}

window.addEventListener('popstate', () => { state = parseState(location.hash); render(); });
history.scrollRestoration = 'manual';   // the page puts the reader back itself (restoreResults)

const withFilter = (type, name) => ({ ...state, [type]: state[type].includes(name) ? state[type] : [...state[type], name], page: 1, article: '' });
const withoutFilter = (type, name) => ({ ...state, [type]: state[type].filter((v) => v !== name), page: 1 });

// ---------------------------------------------------------------- requests

const controllers = new Map();   // one slot per kind of request: a new one aborts the old one
const keys = {};                 // the parameters each panel shows now: unchanged means no request
let busy = 0;

class ApiError extends Error {
  constructor(e) { super(e.message || 'The request failed.'); Object.assign(this, e); }
}

async function api(slot, path, params) {
  controllers.get(slot)?.abort();
  const ctl = new AbortController();
  controllers.set(slot, ctl);
  // a request that never ends (a lost connection) must not leave the page waiting for ever
  let late = false;
  const timer = setTimeout(() => { late = true; ctl.abort(); }, TIMEOUT_MS);
  const failed = (e) => late ? new ApiError({ code: 'timeout', message: `The server did not answer within ${TIMEOUT_MS / 1000} s.` }) : e;
  busy++; document.body.classList.add('busy');
  try {
    let res, body;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await fetch(path + (params && String(params) ? '?' + params : ''), { signal: ctl.signal, headers: { Accept: 'application/json' } });
      } catch (e) {
        if (e.name === 'AbortError') throw failed(e);
        throw new ApiError({ code: 'network', message: 'The server cannot be reached.' });
      }
      body = null;
      try { body = await res.json(); } catch (e) { if (e.name === 'AbortError') throw failed(e); }
      // a page asks for four things at once, and a small server has few slots: when it is
      // busy, wait as long as it says (at most 3 s) and ask again, twice
      if (res.status !== 503 || !body || !body.error || body.error.code !== 'busy' || attempt > 2) break;
      const wait = Math.min(3, Number(res.headers.get('Retry-After')) || 1) * 1000;
      await new Promise((ok) => setTimeout(ok, wait));
      if (ctl.signal.aborted) throw failed(new DOMException('aborted', 'AbortError'));
    }
    if (controllers.get(slot) !== ctl) throw new DOMException('superseded', 'AbortError');
    if (!res.ok || !body || body.error) {
      throw new ApiError((body && body.error) || { code: 'http-' + res.status, message: `The server answered ${res.status} ${res.statusText}.` });
    }
    return body;
  } finally {
    clearTimeout(timer);
    if (controllers.get(slot) === ctl) controllers.delete(slot);
    if (--busy === 0) document.body.classList.remove('busy');
  }
}

const aborted = (e) => e && e.name === 'AbortError';
function abort(...slots) { for (const s of slots) controllers.get(s)?.abort(); }

/** The parameters shared by search, facets and timeline: query, dates and filters. */
function baseParams(s, q = s.q) {
  const p = new URLSearchParams();
  p.set('q', q.trim() || '*:*');
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  for (const f of FILTERS) for (const v of s[f]) p.append(f, v);
  return p;
}

// ---------------------------------------------------------------- errors

function showError(e) {
  const box = $('#error');
  box.textContent = '';
  box.hidden = !e;
  $('#q').toggleAttribute('aria-invalid', !!e && e.code === 'bad-query');
  if (!e) return;
  box.append(e.message);
  const col = Number(e.column);
  if (e.code === 'bad-query' && col > 0 && state.q) {
    // point at the column: a short excerpt of the query with the offending character marked
    const i = Math.min(col - 1, state.q.length);
    const from = Math.max(0, i - 24);
    box.append(' ', el('code', { class: 'at' }, (from ? '…' : '') + state.q.slice(from, i),
      el('mark', {}, state.q.slice(i, i + 1) || ' '), state.q.slice(i + 1, i + 25)));
  }
}

// ---------------------------------------------------------------- rendering the state

let lastView = '';
let resultsScroll = 0;
let lastOpened = '';

function render() {
  syncControls();
  const reading = !!state.article;
  document.body.classList.toggle('reading', reading);
  $('#results-view').hidden = reading;
  $('#article-view').hidden = !reading;
  $('#facets-col').hidden = reading;
  if (reading) {
    if (lastView === 'results') resultsScroll = window.scrollY;
    showArticle();
  } else {
    leaveArticle();
    const returning = lastView === 'article';
    runSearch(returning);
    runFacets();
    runTimeline();
  }
  lastView = reading ? 'article' : 'results';
}

/** Puts the state into the form controls (after back/forward the URL is the truth). */
function syncControls() {
  const set = (sel, v) => { const n = $(sel); if (n.type === 'checkbox') n.checked = v; else if (n.value !== v) n.value = v; };
  set('#q', state.q); set('#from', state.from); set('#to', state.to); set('#sort', state.sort);
  set('#collapse', state.collapse); set('#by', state.by); set('#share', state.share); set('#compare', state.compare);
  $('#dates-clear').hidden = !state.from && !state.to;
  renderChips();
}

function renderChips() {
  const ul = $('#chips');
  ul.textContent = '';
  const chip = (cls, type, name, label, text) => ul.append(el('li', {}, el('button', { type: 'button', class: `chip ${cls}`, 'data-type': type, 'data-name': name, 'aria-label': label },
    el('span', { class: 'ctype' }, TYPE_WORD[type] || type), ' ', text, el('span', { class: 'x', 'aria-hidden': 'true' }, '×'))));
  for (const f of FILTERS) for (const v of state[f]) chip(`t-${f}`, f, v, `Remove filter ${TYPE_WORD[f]}: ${v}`, v);
  if (state.from || state.to) chip('dates', 'dates', null, 'Remove the date range', `${state.from || '…'} – ${state.to || '…'}`);
}

// ---------------------------------------------------------------- results

let selected = -1;

async function runSearch(returning) {
  const p = baseParams(state);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  p.set('limit', PAGE);
  p.set('offset', (state.page - 1) * PAGE);
  if (state.collapse) p.set('collapse', 'true');
  const key = p.toString();
  document.title = `${state.q || 'All articles'} – newsarchive`;
  if (key === keys.search) {
    if (returning) restoreResults();
    return;
  }
  keys.search = key;
  $('#results-view').classList.add('loading');
  try {
    const r = await api('search', 'api/search', p);
    showError(null);
    renderResults(r);
    if (returning) window.scrollTo(0, 0);   // new results (an entity clicked in the article): from the top
  } catch (e) {
    if (aborted(e)) return;
    keys.search = null;
    showError(e);
    $('#count').textContent = '';
    $('#results').textContent = '';
    $('#pager').textContent = '';
    $('#suggest').textContent = '';
  } finally {
    if (keys.search === key || keys.search === null) $('#results-view').classList.remove('loading');
  }
}

/** Back from an article: the list is still there; put the reader where they were. */
function restoreResults() {
  window.scrollTo(0, resultsScroll);
  const hits = [...document.querySelectorAll('#results li.hit')];
  const i = hits.findIndex((li) => li.dataset.id === lastOpened);
  if (i >= 0) select(i, true);
}

function renderResults(r) {
  const total = r.total;
  const partialTotal = r.partial_total || 0;
  const first = (state.page - 1) * PAGE + 1;
  const complete = r.hits.filter((h) => !h.partial).length;
  const count = $('#count');
  count.textContent = '';
  count.append(el('span', { class: 'total' }, total === 0 ? 'No articles' : plural(total, 'article', 'articles')));
  const some = `${plural(partialTotal, 'more article has', 'more articles have')} some of the words`;
  const details = [];
  if (complete) details.push(`showing ${fmt(first)}–${fmt(first + complete - 1)}`);
  if (partialTotal > 0) details.push(some);
  details.push(`${fmt(r.took_ms)} ms`);
  count.append(el('span', { class: 'muted' }, ' · ' + details.join(' · ')));

  renderSuggestions(r);

  const ol = $('#results');
  ol.textContent = '';
  ol.start = first;
  let sep = false;
  r.hits.forEach((h) => {
    if (h.partial && !sep) {
      sep = true;
      ol.append(el('li', { class: 'sep', role: 'presentation' }, some + ':'));
    }
    ol.append(hitItem(h));
  });
  if (!r.hits.length && total > 0) ol.append(el('li', { class: 'sep' }, 'No articles on this page. ', el('a', { href: toHash({ ...state, page: 1 }) }, 'First page')));
  selected = -1;
  renderPager(total + partialTotal);
}

/** Text with [start, end) ranges wrapped in <mark>: the marks are ours, the text stays text. */
function marked(text, ranges, make = () => el('mark')) {
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const [s, e, ...extra] of [...(ranges || [])].sort((a, b) => a[0] - b[0])) {
    if (s < pos || e <= s || e > text.length) continue;
    if (s > pos) frag.append(text.slice(pos, s));
    const m = make(...extra);
    m.append(text.slice(s, e));
    frag.append(m);
    pos = e;
  }
  if (pos < text.length) frag.append(text.slice(pos));
  return frag;
}

function hitItem(h) {
  const li = el('li', { class: 'hit' + (h.partial ? ' partial' : ''), 'data-id': h.id });
  const meta = el('p', { class: 'meta' }, el('time', { datetime: h.date }, h.date));
  if (h.source) meta.append(' · ', el('span', { class: 'src' }, h.source));
  if (h.authors && h.authors.length) meta.append(' · by ' + h.authors.slice(0, 3).join(', '));
  const link = el('a', { class: 'open', href: toHash({ ...state, article: h.id }) });
  link.append(marked(h.headline || '(no headline)', h.marks && h.marks.headline));
  li.append(meta, el('h2', { class: 'headline' }, link));
  const text = h.snippet_text != null ? h.snippet_text : '';
  if (text) li.append(el('p', { class: 'snippet' }, marked(text, h.marks && h.marks.snippet)));
  const ents = el('p', { class: 'ents' });
  for (const type of ['person', 'org', 'place', 'misc']) {
    const names = ((h.entities || {})[type] || []).slice(0, 3);
    if (!names.length) continue;
    const group = el('span', { class: 'egroup' }, el('span', { class: 'etype' }, TYPE_TITLE[type] + ':'));
    for (const n of names) {
      group.append(' ', el('button', { type: 'button', class: `ent-btn t-${type}`, 'data-type': type, 'data-name': n, title: `Only articles naming the ${TYPE_WORD[type]} ${n}` }, n));
    }
    ents.append(group);
  }
  if (ents.childNodes.length) li.append(ents);
  if (h.copies > 0) li.append(el('p', { class: 'copies' }, el('a', { href: toHash({ ...state, article: h.id }) }, `+${plural(h.copies, 'copy', 'copies')}`)));
  return li;
}

function renderSuggestions(r) {
  const box = $('#suggest');
  box.textContent = '';
  if (r.did_you_mean) {
    box.append(el('p', {}, 'Did you mean ', el('a', { href: toHash({ ...state, q: r.did_you_mean, page: 1 }) }, r.did_you_mean), '?'));
  }
  for (const s of r.suggestions || []) {
    if (s.field === 'text') continue;
    box.append(el('p', {}, `No article names the ${TYPE_WORD[s.field] || s.field} “${s.typed}”; did you mean `,
      el('a', { href: toHash(suggestionState(s)) }, s.suggested), ` (${plural(s.articles, 'article', 'articles')})?`));
  }
}

/** The state that takes an entity suggestion: in the filter that held the typed name, else in the query. */
function suggestionState(s) {
  const list = state[s.field];
  const low = s.typed.toLowerCase();
  if (Array.isArray(list) && list.some((v) => v.toLowerCase() === low)) {
    return { ...state, [s.field]: list.map((v) => (v.toLowerCase() === low ? s.suggested : v)), page: 1 };
  }
  const i = state.q.toLowerCase().indexOf(low);
  if (i < 0) return { ...state, [s.field]: [...(list || []), s.suggested], page: 1 };
  const quoted = state.q[i - 1] === '"';
  const name = !quoted && /\s/.test(s.suggested) ? `"${s.suggested}"` : s.suggested;
  return { ...state, q: state.q.slice(0, i) + name + state.q.slice(i + s.typed.length), page: 1 };
}

function renderPager(count) {
  const nav = $('#pager');
  nav.textContent = '';
  const pages = Math.ceil(count / PAGE);
  if (pages <= 1) return;
  const cur = Math.min(state.page, pages);
  const link = (n, label, rel) => n === cur && !rel
    ? el('a', { href: toHash({ ...state, page: n }), 'aria-current': 'page' }, label)
    : el('a', { href: toHash({ ...state, page: n }), rel, 'aria-label': rel ? null : `Page ${n}` }, label);
  const ul = el('ul');
  ul.append(el('li', {}, cur > 1 ? link(cur - 1, '← Previous', 'prev') : el('span', { class: 'off', 'aria-disabled': 'true' }, '← Previous')));
  let gap = false;
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - cur) <= 2) {
      ul.append(el('li', {}, link(n, fmt(n))));
      gap = false;
    } else if (!gap) {
      ul.append(el('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
      gap = true;
    }
  }
  ul.append(el('li', {}, cur < pages ? link(cur + 1, 'Next →', 'next') : el('span', { class: 'off', 'aria-disabled': 'true' }, 'Next →')));
  nav.append(ul);
}

function select(i, focus) {
  const hits = [...document.querySelectorAll('#results li.hit')];
  if (!hits.length) return;
  selected = Math.max(0, Math.min(hits.length - 1, i));
  hits.forEach((li, j) => li.classList.toggle('selected', j === selected));
  const li = hits[selected];
  if (focus) li.querySelector('a.open').focus({ preventScroll: true });
  li.scrollIntoView({ block: 'nearest' });
}

function openArticle(id) {
  lastOpened = id;
  resultsScroll = window.scrollY;
  navigate({ ...state, article: id }, { back: true });
}

// ---------------------------------------------------------------- facets

async function runFacets() {
  const p = baseParams(state);
  const key = p.toString();
  if (key === keys.facets) return;
  keys.facets = key;
  $('#facets').classList.add('loading');
  try {
    renderFacets(await api('facets', 'api/facets', p));
    $('#facets').classList.remove('loading');
  } catch (e) {
    if (aborted(e)) return;
    keys.facets = null;
    $('#facets').classList.remove('loading');
    $('#facets').textContent = '';
    if (e.code !== 'bad-query' && e.code !== 'bad-date') $('#facets').append(el('p', { class: 'muted' }, 'Facets unavailable: ' + e.message));
  }
}

function renderFacets(r) {
  const box = $('#facets');
  box.textContent = '';
  for (const type of ['person', 'org', 'place', 'source']) {
    const list = ((r.facets || {})[type] || []).slice();
    // a chosen value stays visible (pressed) even when it is not among the top ones
    for (const v of state[type]) if (!list.some((f) => f.name === v)) list.push({ name: v, articles: null });
    if (!list.length) continue;
    const ul = el('ul', { class: 'facet-list' });
    for (const f of list) {
      const on = state[type].includes(f.name);
      ul.append(el('li', {}, el('button', { type: 'button', class: `facet t-${type}`, 'data-type': type, 'data-name': f.name, 'aria-pressed': String(on) },
        el('span', { class: 'fname' }, f.name), el('span', { class: 'fcount' }, f.articles == null ? '' : fmt(f.articles)))));
    }
    box.append(el('section', { class: 'facet-group' }, el('h2', { class: 'small' }, TYPE_TITLE[type]), ul));
  }
  if (!box.childNodes.length) box.append(el('p', { class: 'muted' }, 'No names to refine by.'));
}

// ---------------------------------------------------------------- timeline

let timeline = null;    // the last answer, redrawn on resize
let cursor = -1;        // the bar chosen with the keyboard

async function runTimeline() {
  const p = baseParams(state);
  if (state.by !== 'auto') p.set('by', state.by);
  if (state.share) p.set('share', 'true');
  if (state.compare) p.set('compare', state.compare);
  const key = p.toString();
  if (key === keys.timeline) return;
  keys.timeline = key;
  $('#chart').classList.add('loading');
  try {
    timeline = await api('timeline', 'api/timeline', p);
    cursor = -1;
    drawChart();
  } catch (e) {
    if (aborted(e)) return;
    keys.timeline = null;
    timeline = null;
    $('#chart').textContent = '';
    if (e.code !== 'bad-query' && e.code !== 'bad-date') $('#chart').append(el('p', { class: 'muted' }, 'Timeline unavailable: ' + e.message));
  } finally {
    if (keys.timeline === key || keys.timeline === null) $('#chart').classList.remove('loading');
  }
}

/** A round step for about four ticks: 1, 2 or 5 times a power of ten (counts step by 1 at least). */
function tickStep(max, counts) {
  const raw = max / 4;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / pow;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
  return counts ? Math.max(1, Math.round(step)) : step;
}

const pct = (v) => { const x = v * 100; return x.toFixed(x === 0 || x >= 10 ? 0 : x >= 1 ? 1 : 2) + '%'; };

function drawChart() {
  const box = $('#chart');
  box.textContent = '';
  const series = (timeline && timeline.series) || [];
  const main = series[0];
  if (!main || !main.periods.length) {
    box.append(el('p', { class: 'muted' }, 'No articles to chart.'));
    return;
  }
  const periods = main.periods;
  const n = periods.length;
  const share = state.share && periods[0].share !== undefined;
  const val = (p) => (share ? p.share || 0 : p.articles);
  const show = share ? pct : fmt;

  const legend = el('p', { class: 'legend' });
  series.forEach((s, k) => legend.append(el('span', { class: `key s${k}` }, el('span', { class: 'sw', 'aria-hidden': 'true' }),
    `“${s.query}”: ${plural(s.total, 'article', 'articles')}`, s.peak ? ` (peak ${s.peak})` : '')));
  legend.append(el('span', { class: 'muted' }, `per ${timeline.by}${share ? ', share of all articles' : ''}`));
  box.append(legend);

  const W = Math.max(280, Math.round(box.clientWidth || 640));
  const H = W < 500 ? 140 : 180, L = 46, R = 8, T = 18, B = 24;   // lower on phones: the results come first
  const pw = W - L - R, ph = H - T - B, slot = pw / n;
  let max = 0;
  for (const s of series) for (const p of s.periods) max = Math.max(max, val(p));
  const step = max > 0 ? tickStep(max, !share) : 1;
  const top = max > 0 ? Math.ceil(max / step) * step : 1;
  const y = (v) => T + ph - (ph * v) / top;

  const svg = svgEl('svg', { class: 'tl', viewBox: `0 0 ${W} ${H}`, width: W, height: H, tabindex: 0, role: 'group',
    'aria-label': `Articles per ${timeline.by}, ${periods[0].period} to ${periods[n - 1].period}. Arrow keys choose a bar, Enter narrows the dates to it.` });
  for (let v = 0; v <= top + step / 1e6; v += step) {
    svg.append(svgEl('line', { class: 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    const t = svgEl('text', { class: 'tick', x: L - 6, y: y(v) + 4, 'text-anchor': 'end' });
    t.textContent = show(v);
    svg.append(t);
  }
  const bw = series.length > 1 ? slot * 0.42 : slot * 0.8;
  series.forEach((s, k) => s.periods.forEach((p, i) => {
    const h = Math.max(0, y(0) - y(val(p)));
    const x = L + i * slot + (series.length > 1 ? slot * 0.08 + k * bw : slot * 0.1);
    svg.append(svgEl('rect', { class: `bar s${k}`, x: x.toFixed(2), y: (y(0) - h).toFixed(2), width: Math.max(1, bw).toFixed(2), height: h.toFixed(2) }));
  }));
  // period labels: every k-th, centred under its bar but kept inside the chart, none overlapping
  const lw = periods[0].period.length * 6.5;
  const every = Math.max(1, Math.ceil((lw + 12) / slot));
  let right = -Infinity;
  periods.forEach((p, i) => {
    const x = Math.min(W - R - lw / 2, Math.max(lw / 2 + 2, L + i * slot + slot / 2));
    if (i % every || x - lw / 2 < right + 8) return;
    right = x + lw / 2;
    const t = svgEl('text', { class: 'label', x: x.toFixed(2), y: H - 6, 'text-anchor': 'middle' });
    t.textContent = p.period;
    svg.append(t);
  });
  const peak = periods.findIndex((p) => p.period === main.peak);
  if (peak >= 0 && max > 0) {
    const px = Math.min(W - R - 40, Math.max(L + 40, L + peak * slot + slot / 2));
    const t = svgEl('text', { class: 'peak', x: px.toFixed(2), y: Math.max(12, y(val(periods[peak])) - 5), 'text-anchor': 'middle' });
    t.textContent = `peak ${show(val(periods[peak]))}`;
    svg.append(t);
  }
  const sel = svgEl('rect', { class: 'sel', x: 0, y: T, width: 0, height: ph, visibility: 'hidden' });
  svg.append(sel);
  // transparent full-height targets, one per period, drawn last so they take the clicks
  periods.forEach((p, i) => {
    const r = svgEl('rect', { class: 'slot', x: (L + i * slot).toFixed(2), y: T, width: slot.toFixed(2), height: ph, 'data-i': i, 'data-period': p.period, 'data-first': p.first, 'data-last': p.last });
    const title = svgEl('title');
    title.textContent = `${p.period}: ` + series.map((s) => `${show(val(s.periods[i]))}${series.length > 1 ? ` “${s.query}”` : share ? '' : ` ${s.periods[i].articles === 1 ? 'article' : 'articles'}`}`).join(', ');
    r.append(title);
    svg.append(r);
  });
  box.append(svg);

  const showSel = (a, b) => {
    if (a < 0) { sel.setAttribute('visibility', 'hidden'); return; }
    const lo = Math.min(a, b), hi = Math.max(a, b);
    sel.setAttribute('x', (L + lo * slot).toFixed(2));
    sel.setAttribute('width', ((hi - lo + 1) * slot).toFixed(2));
    sel.setAttribute('visibility', 'visible');
  };
  const slotAt = (e) => {
    const box2 = svg.getBoundingClientRect();
    const x = ((e.clientX - box2.left) * W) / box2.width;
    return Math.max(0, Math.min(n - 1, Math.floor((x - L) / slot)));
  };
  const narrow = (a, b) => {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    navigate({ ...state, from: periods[lo].first, to: periods[hi].last, page: 1 });
  };
  // click = one period, drag = from the first bar's first day to the last bar's last day
  let drag = null;
  svg.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { a: slotAt(e), b: slotAt(e) };
    svg.setPointerCapture(e.pointerId);
    showSel(drag.a, drag.b);
    e.preventDefault();
  });
  svg.addEventListener('pointermove', (e) => { if (drag) { drag.b = slotAt(e); showSel(drag.a, drag.b); } });
  svg.addEventListener('pointerup', () => { if (drag) { const d = drag; drag = null; narrow(d.a, d.b); } });
  svg.addEventListener('pointercancel', () => { drag = null; showSel(-1); });
  svg.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      cursor = cursor < 0 ? (peak >= 0 ? peak : 0) : Math.max(0, Math.min(n - 1, cursor + (e.key === 'ArrowRight' ? 1 : -1)));
      showSel(cursor, cursor);
      svg.setAttribute('aria-label', `${periods[cursor].period}: ${show(val(periods[cursor]))}. Enter narrows the dates to it.`);
    } else if ((e.key === 'Enter' || e.key === ' ') && cursor >= 0) {
      narrow(cursor, cursor);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  });
  svg.addEventListener('blur', () => { if (!drag) showSel(-1); });
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { if (timeline && !state.article) drawChart(); }, 150);
});

// ---------------------------------------------------------------- article view

let art = null;   // the article shown: {id, paras, pieces, slices, shown, offsets, mentions}

function leaveArticle() {
  abort('article', 'mentions', 'similar', 'thread');
  if (art && !art.complete) art = null;   // half-loaded: load again when it is opened again
}

async function showArticle() {
  const id = state.article;
  document.title = 'Article – newsarchive';
  if (art && art.id === id) { if (art.headline) document.title = `${art.headline} – newsarchive`; return; }
  window.scrollTo(0, 0);
  art = { id, shown: 0, mentions: null, complete: false };
  const mine = art;
  const enc = encodeURIComponent(id);
  $('#art-title').textContent = 'Loading…';
  for (const sel of ['#art-meta', '#art-ents', '#art-body', '#copies', '#similar', '#thread']) $(sel).textContent = '';
  $('#copies-box').hidden = true;
  // the entities' offsets come from a slower request (the recogniser runs on it): ask at once, apply when both are here
  const mentions = api('mentions', `api/articles/${enc}/mentions`);
  mentions.catch(() => {});
  related('similar', `api/similar/${enc}`, 'limit=10', '#similar', mine);
  related('thread', `api/similar/${enc}`, 'thread=true', '#thread', mine);
  try {
    const a = await api('article', `api/articles/${enc}`);
    if (art !== mine) return;
    renderArticle(a);
    $('#art-title').focus({ preventScroll: true });
  } catch (e) {
    if (aborted(e) || art !== mine) return;
    $('#art-title').textContent = e.code === 'not-found' ? 'No such article' : 'The article cannot be shown';
    $('#art-meta').textContent = e.message;
    return;
  }
  try {
    const m = await mentions;
    if (art === mine) applyMentions(m);
  } catch (e) {
    if (aborted(e) || art !== mine) return;
    $('#art-ents').append(el('p', { class: 'muted' }, 'Names cannot be marked: ' + e.message));
  }
  if (art === mine) art.complete = true;
}

/** A link to a URL from the data: followed only for http(s), otherwise shown as text. */
function safeLink(url) {
  return /^https?:\/\//i.test(url) ? el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url) : el('span', { class: 'url' }, url);
}

function renderArticle(a) {
  art.headline = a.headline || '';
  document.title = `${art.headline} – newsarchive`;
  $('#art-title').textContent = art.headline;
  const meta = $('#art-meta');
  meta.append(el('time', { datetime: a.date }, a.published || a.date));
  if (a.source) meta.append(' · ', el('span', { class: 'src' }, a.source));
  if (a.authors && a.authors.length) meta.append(' · by ' + a.authors.join(', '));
  meta.append(` · ${plural(a.word_count || 0, 'word', 'words')}`);
  if (a.url) meta.append(el('br'), safeLink(a.url));
  meta.append(el('br'), el('span', { class: 'muted' }, `id ${a.id} · ${a.path || ''}`));

  const ents = $('#art-ents');
  for (const type of ['person', 'org', 'place', 'misc']) {
    const names = (a.entities || {})[type] || [];
    if (!names.length) continue;
    const group = el('p', { class: 'egroup' }, el('span', { class: `etype sw-${type}` }, TYPE_TITLE[type] + ':'));
    for (const n of names.slice(0, 15)) group.append(' ', el('button', { type: 'button', class: `ent-btn t-${type}`, 'data-type': type, 'data-name': n }, n));
    if (names.length > 15) group.append(el('span', { class: 'muted' }, ` +${fmt(names.length - 15)} more`));
    ents.append(group);
  }

  // pieces: paragraphs, with any over SLICE characters cut at a space, so that no single
  // text node is huge; slices: runs of pieces of about SLICE characters, rendered on demand
  const paras = a.paragraphs && a.paragraphs.length ? a.paragraphs : String(a.body || '').split(/\n\s*\n/);
  art.paras = paras;
  art.pieces = [];
  paras.forEach((t, i) => {
    for (let s = 0; s < t.length || s === 0;) {
      let e = Math.min(t.length, s + SLICE);
      if (e < t.length) { const sp = t.lastIndexOf(' ', e); if (sp > s + SLICE / 2) e = sp + 1; }
      art.pieces.push({ i, s, e });
      if (e >= t.length) break;
      s = e;
    }
  });
  art.slices = [];
  let start = 0, size = 0;
  art.pieces.forEach((p, k) => {
    size += p.e - p.s;
    if (size >= SLICE) { art.slices.push([start, k + 1]); start = k + 1; size = 0; }
  });
  if (start < art.pieces.length) art.slices.push([start, art.pieces.length]);
  art.total = art.pieces.reduce((n, p) => n + p.e - p.s, 0);
  art.chars = 0;
  renderSlice();

  const copies = a.copies || [];
  $('#copies-box').hidden = !copies.length;
  for (const c of copies) $('#copies').append(relatedItem(c, `${Math.round((c.similarity || 0) * 100)}% of word pairs shared`));
}

/** Renders the next slice of the text, and offers the rest behind a button that also loads on scroll. */
function renderSlice() {
  if (!art || !art.slices || art.shown >= art.slices.length) return;
  const [from, to] = art.slices[art.shown];
  const div = el('div', { class: 'slice', 'data-slice': art.shown, tabindex: -1 });
  fillSlice(div, from, to);
  $('#art-body').querySelector('.more')?.remove();
  $('#art-body').append(div);
  art.shown++;
  for (let k = from; k < to; k++) art.chars += art.pieces[k].e - art.pieces[k].s;
  if (art.shown < art.slices.length) {
    const more = el('button', { type: 'button', class: 'more' }, `Show more (${Math.floor((100 * art.chars) / art.total)}% shown)`);
    $('#art-body').append(more);
    moreObserver.observe(more);
  }
}

const moreObserver = new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (!e.isIntersecting) continue;
    moreObserver.unobserve(e.target);
    // a frame later, so that scrolling on never builds more than one slice per frame
    requestAnimationFrame(() => { if (e.target.isConnected) renderSlice(); });
  }
}, { rootMargin: '0px 0px 600px 0px' });

function fillSlice(div, from, to) {
  div.textContent = '';
  for (let k = from; k < to; k++) {
    const p = art.pieces[k];
    const text = art.paras[p.i].slice(p.s, p.e);
    const node = el('p', { class: p.s > 0 ? 'cont' : null });
    const base = art.offsets ? art.offsets[p.i] : -1;
    node.append(base >= 0 && art.mentions ? markEntities(text, base + p.s) : text);
    div.append(node);
  }
}

/** Entity marks for the text at [base, base + text.length) of the mentions' text. */
function markEntities(text, base) {
  const ms = art.mentions;
  let lo = 0, hi = ms.length;                  // first mention ending after base
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ms[mid][1] <= base) lo = mid + 1; else hi = mid; }
  const ranges = [];
  for (let k = lo; k < ms.length && ms[k][0] < base + text.length; k++) {
    ranges.push([Math.max(0, ms[k][0] - base), Math.min(text.length, ms[k][1] - base), ms[k][2], ms[k][3]]);
  }
  return marked(text, ranges, (type, name) => el('mark', { class: `ent t-${type}`, 'data-type': type, 'data-name': name, title: `${TYPE_WORD[type] || type}: ${name} (click: articles naming it)` }));
}

function applyMentions(m) {
  const text = String(m.text || '');
  const hl = m.headline_length != null ? m.headline_length : art.headline.length;
  const list = [];
  for (const e of m.entities || []) for (const x of e.mentions || []) if (x.end > x.start) list.push([x.start, x.end, e.type, e.name]);
  list.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // keep the mentions sorted and disjoint (longest first where two start together)
  art.mentions = [];
  let end = 0;
  for (const x of list) if (x[0] >= end) { art.mentions.push(x); end = x[1]; }
  // each paragraph's offset in the text: it follows the previous one after white space; a
  // paragraph not found there gets no marks rather than a search of megabytes of text
  let cur = hl;
  art.offsets = art.paras.map((p) => {
    const ws = /\S/g;
    ws.lastIndex = cur;
    const at = ws.exec(text);
    const i = at && text.startsWith(p, at.index) ? at.index : text.slice(cur, cur + p.length + 200).indexOf(p);
    if (i < 0) return -1;
    const abs = at && i === at.index ? i : cur + i;
    cur = abs + p.length;
    return abs;
  });
  const h1 = $('#art-title');
  h1.textContent = '';
  h1.append(markEntities(text.slice(0, hl), 0));
  $('#art-body').querySelectorAll('.slice').forEach((div) => {
    const [from, to] = art.slices[Number(div.dataset.slice)];
    fillSlice(div, from, to);
  });
}

async function related(slot, path, params, sel, mine) {
  try {
    const r = await api(slot, path, params);
    if (art !== mine) return;
    const list = $(sel);
    for (const a of r.articles || []) list.append(relatedItem(a, a.given ? 'this article' : null));
    if (!list.childNodes.length) list.append(el('li', { class: 'muted' }, 'None found.'));
  } catch (e) {
    if (!aborted(e) && art === mine) $(sel).append(el('li', { class: 'muted' }, e.message));
  }
}

function relatedItem(a, note) {
  const given = note === 'this article';
  const li = el('li', { class: given ? 'given' : null, 'aria-current': given ? 'true' : null },
    el('time', { datetime: a.date }, a.date), ' ');
  li.append(given ? el('strong', {}, a.headline) : el('a', { href: toHash({ ...state, article: a.id }) }, a.headline || a.id));
  if (note) li.append(el('span', { class: 'muted' }, ` (${note})`));
  return li;
}

function goBack() {
  if (history.state && history.state.back) history.back();
  else navigate({ ...state, article: '' });
}

// ---------------------------------------------------------------- events

document.addEventListener('click', (e) => {
  const t = e.target.closest('a, button, mark.ent');
  if (!t) return;
  // in-page links carry the state they lead to: go there through navigate(), unless the
  // reader wants a new tab or window
  if (t.tagName === 'A') {
    const href = t.getAttribute('href') || '';
    if (!href.startsWith('#') || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    const next = parseState(href);
    if (next.article && !state.article && t.closest('#results')) openArticle(next.article);
    else {
      navigate(next);
      if (t.closest('#pager') || t.closest('#suggest')) $('#results-view').scrollIntoView();
    }
    return;
  }
  const { type, name } = t.dataset;
  if (t.matches('.more')) {
    // keyboard users go on reading where the new text starts, not at the end of the page
    renderSlice();
    const slices = document.querySelectorAll('#art-body .slice');
    slices[slices.length - 1].focus({ preventScroll: true });
  } else if (t.matches('.chip')) {
    navigate(type === 'dates' ? { ...state, from: '', to: '', page: 1 } : withoutFilter(type, name));
  } else if (t.matches('.facet')) {
    navigate(state[type].includes(name) ? withoutFilter(type, name) : withFilter(type, name));
  } else if (t.matches('.ent-btn, mark.ent') && FILTERS.includes(type)) {
    navigate(withFilter(type, name));   // from the article view too: back to the results, filtered
  }
});

$('#search').addEventListener('submit', (e) => {
  e.preventDefault();
  navigate({ ...state, q: $('#q').value.trim(), from: $('#from').value.trim(), to: $('#to').value.trim(), page: 1, article: '' });
});
for (const id of ['#from', '#to']) {
  $(id).addEventListener('change', () => navigate({ ...state, from: $('#from').value.trim(), to: $('#to').value.trim(), page: 1 }));
}
$('#sort').addEventListener('change', (e) => navigate({ ...state, sort: e.target.value, page: 1 }));
$('#collapse').addEventListener('change', (e) => navigate({ ...state, collapse: e.target.checked, page: 1 }));
$('#by').addEventListener('change', (e) => navigate({ ...state, by: e.target.value }));
$('#share').addEventListener('change', (e) => navigate({ ...state, share: e.target.checked }));
$('#compare-form').addEventListener('submit', (e) => { e.preventDefault(); navigate({ ...state, compare: $('#compare').value.trim() }); });
$('#dates-clear').addEventListener('click', () => navigate({ ...state, from: '', to: '', page: 1 }));
$('#back').addEventListener('click', goBack);
$('#home').addEventListener('click', (e) => { e.preventDefault(); navigate(emptyState()); });
$('#help-open').addEventListener('click', () => $('#help').showModal());
$('#results').addEventListener('focusin', (e) => {
  const li = e.target.closest('li.hit');
  if (li) { const hits = [...document.querySelectorAll('#results li.hit')]; selected = hits.indexOf(li); hits.forEach((h) => h.classList.toggle('selected', h === li)); }
});

/** Typing keys in these go to the control, not to the page's shortcuts. */
const typingIn = (t) => t instanceof Element && t.matches('textarea, select, [contenteditable], input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit])');

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || $('#help').open) return;
  if (typingIn(e.target)) {
    if (e.key === 'Escape' && e.target.id === 'q') e.target.blur();
    return;
  }
  if (e.key === '/') { $('#q').focus(); $('#q').select(); e.preventDefault(); return; }
  if (state.article) {
    if (e.key === 'Escape' || e.key === 'Backspace') { goBack(); e.preventDefault(); }
    return;
  }
  const hits = document.querySelectorAll('#results li.hit');
  switch (e.key) {
    case 'ArrowDown': case 'j': select(selected + 1, true); break;
    case 'ArrowUp': case 'k': if (selected < 0) return; select(selected - 1, true); break;
    case 'o': case 'Enter':
      // Enter on a focused link or button is theirs
      if (e.key === 'Enter' && e.target.closest('a, button, svg')) return;
      if (selected < 0 || !hits[selected]) return;
      openArticle(hits[selected].dataset.id);
      break;
    default: return;
  }
  e.preventDefault();
});

// facets: a column on wide screens, a collapsed section on phones
const wide = window.matchMedia('(min-width: 800px)');
const fitFacets = () => { $('#facets-box').open = wide.matches; };
wide.addEventListener('change', fitFacets);
fitFacets();

api('stats', 'api/stats').then((s) => {
  $('#stats').textContent = `${plural(s.articles, 'article', 'articles')} in the archive` + (s.first_date ? `, ${s.first_date} to ${s.last_date}` : '');
}).catch(() => {});

render();
