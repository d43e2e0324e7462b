// blocwatch dashboard: plain DOM and hand-drawn SVG over the JSON API.
//
// Safety rule of this file: every piece of data (article text, names, evidence, error messages) enters the page
// as a text node or an attribute value through `h`/`svg` below. Nothing is ever parsed as HTML, and links are
// only kept when they are http(s) or in-page. tests/test_api.py runs the render functions under Node with a
// fake document that fails on any HTML parsing.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7ea4", "#57606a"];
const MODALITIES = ["asserted", "negated", "hypothetical", "future"];

// ---- safe DOM building ------------------------------------------------------------------------------------

function safeHref(value) {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  // Control characters can hide a "javascript:" scheme from a naive prefix check.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  if (trimmed.startsWith("#")) return trimmed;
  return /^https?:\/\//i.test(trimmed) ? trimmed : null;
}

function appendChildren(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === "string" || typeof child === "number" || typeof child === "boolean") {
      node.appendChild(document.createTextNode(String(child)));
    } else {
      node.appendChild(child);
    }
  }
  return node;
}

function setAttributes(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) {
      if (typeof value !== "function") throw new TypeError(`${name} must be a function`);
      node.addEventListener(name.slice(2), value);
    } else if (name === "href") {
      const href = safeHref(value);
      if (href !== null) node.setAttribute("href", href);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  return node;
}

// h("td", {class: "x"}, "text", childNode, [more, children]) → an HTML element; strings become text nodes.
function h(tag, attrs, ...children) {
  return appendChildren(setAttributes(document.createElement(tag), attrs), children);
}

function svg(tag, attrs, ...children) {
  return appendChildren(setAttributes(document.createElementNS(SVG_NS, tag), attrs), children);
}

function replaceContent(node, ...children) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return appendChildren(node, children);
}

// ---- formatting ---------------------------------------------------------------------------------------------

function text(value) {
  return value === null || value === undefined ? "" : String(value);
}

function number(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return "";
  const n = Number(value);
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}

function actorLabel(row, side) {
  const name = row[`${side}_name`] || row[`${side}_text`];
  if (!name) return "—";
  const code = row[`${side}_country`] || row[`${side}_org`];
  return code && code !== name ? `${name} (${code})` : name;
}

function articleHref(articleId, eventId) {
  const base = `#article/${encodeURIComponent(articleId)}`;
  return eventId ? `${base}/${encodeURIComponent(eventId)}` : base;
}

// ---- evidence highlighting (pure; tested under Node) ------------------------------------------------------

// Cut `content` at every span boundary. Each piece lists the indexes of the spans covering it, so overlapping
// evidence sentences and quotes can all be shown. Spans that do not fit the text are counted, not dropped
// silently: the caller reports them.
function highlightPieces(content, spans) {
  const length = content.length;
  const usable = [];
  let skipped = 0;
  spans.forEach((span, index) => {
    const ok = Number.isInteger(span.start) && Number.isInteger(span.end) &&
      span.start >= 0 && span.end <= length && span.start < span.end;
    if (ok) usable.push({ ...span, index });
    else skipped += 1;
  });
  const cuts = new Set([0, length]);
  for (const span of usable) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i];
    const end = sorted[i + 1];
    const covering = usable.filter((span) => span.start <= start && end <= span.end).map((span) => span.index);
    pieces.push({ start, end, text: content.slice(start, end), spans: covering });
  }
  return { pieces, skipped };
}

// ---- tables and charts ------------------------------------------------------------------------------------

// columns: [{label, cell(row) → string | Node, className}]
function table(columns, rows, options = {}) {
  if (!rows.length) return h("p", { class: "empty" }, options.empty || "Nothing to show.");
  const head = h("tr", null, columns.map((column) => h("th", { scope: "col" }, column.label)));
  const body = rows.map((row) => h(
    "tr", options.rowAttrs ? options.rowAttrs(row) : null,
    columns.map((column) => h("td", { class: column.className }, column.cell(row))),
  ));
  // Wide tables (many drift components) scroll inside their box instead of spilling out of the page.
  return h("div", { class: "table-wrap" }, h("table", { class: "data" }, h("thead", null, head), h("tbody", null, body)));
}

function niceTicks(low, high, count = 5) {
  if (low === high) {
    low -= 1;
    high += 1;
  }
  const rough = (high - low) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
  const ticks = [];
  for (let t = Math.floor(low / step) * step; t <= high + step * 1e-9; t += step) ticks.push(Number(t.toFixed(10)));
  if (ticks[ticks.length - 1] < high) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

// A line chart over categorical x labels (periods). series: [{name, values: [number|null per label]}].
function lineChart(labels, series, options = {}) {
  const width = options.width || 760;
  const height = options.height || 260;
  const margin = { top: 16, right: 40, bottom: 44, left: 52 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const values = series.flatMap((s) => s.values).filter((v) => v !== null && v !== undefined && Number.isFinite(v));
  if (!labels.length || !values.length) return h("p", { class: "empty" }, options.empty || "No data to chart.");
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const low = ticks[0];
  const high = ticks[ticks.length - 1];
  const x = (i) => margin.left + (labels.length === 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v) => margin.top + plotH - ((v - low) / (high - low)) * plotH;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img",
    "aria-label": options.title || "line chart",
  });
  if (options.title) chart.appendChild(svg("title", null, options.title));
  for (const tick of ticks) {
    chart.appendChild(svg("line", { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), class: tick === 0 ? "zero" : "grid" }));
    chart.appendChild(svg("text", { x: margin.left - 6, y: y(tick) + 4, class: "tick", "text-anchor": "end" }, number(tick)));
  }
  const every = Math.max(1, Math.ceil(labels.length / 10));
  labels.forEach((label, i) => {
    if (i % every !== 0 && i !== labels.length - 1) return;
    chart.appendChild(svg("text", { x: x(i), y: height - margin.bottom + 16, class: "tick", "text-anchor": "middle" }, label));
  });
  if (options.yLabel) {
    chart.appendChild(svg("text", { x: 12, y: margin.top + plotH / 2, class: "axis-label", transform: `rotate(-90 12 ${margin.top + plotH / 2})`, "text-anchor": "middle" }, options.yLabel));
  }
  series.forEach((s, n) => {
    const color = PALETTE[n % PALETTE.length];
    let path = "";
    let pen = "M";
    s.values.forEach((v, i) => {
      if (v === null || v === undefined || !Number.isFinite(v)) {
        pen = "M"; // a gap in the data is a gap in the line, not a fake zero
        return;
      }
      path += `${pen}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = "L";
    });
    if (path) chart.appendChild(svg("path", { d: path.trim(), fill: "none", stroke: color, "stroke-width": 2 }));
    s.values.forEach((v, i) => {
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      chart.appendChild(svg("circle", { cx: x(i), cy: y(v), r: 3.5, fill: color },
        svg("title", null, `${s.name} · ${labels[i]}: ${number(v)}`)));
    });
  });
  const legend = h("ul", { class: "legend" }, series.map((s, n) => h("li", null,
    h("span", { class: `swatch c${n % PALETTE.length}` }), s.name)));
  return h("figure", { class: "chart-box" }, chart, legend);
}

// ---- API access -------------------------------------------------------------------------------------------

async function api(path, params, init) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) if (item !== null && item !== undefined && item !== "") query.append(key, item);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, init);
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    body = null;
  }
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : response.statusText;
    const err = new Error(`${response.status}: ${detail}`);
    err.status = response.status;
    throw err;
  }
  return body;
}

function splitList(value) {
  return text(value).split(",").map((v) => v.trim()).filter(Boolean);
}

function formValues(form) {
  const values = {};
  for (const element of form.elements) if (element.name) values[element.name] = element.value.trim();
  return values;
}

function errorBox(error) {
  return h("p", { class: error.status === 503 ? "notice" : "error" }, error.message);
}

// ---- render functions (pure DOM builders) -----------------------------------------------------------------

function evidenceCell(row) {
  return h("div", { class: "evidence" },
    h("q", null, text(row.evidence)),
    " ",
    h("a", { href: articleHref(row.article_id, row.event_id), class: "source", title: "open the article at this sentence" },
      `${row.article_id} · sentence ${text(row.sentence_index)} · ${text(row.start)}–${text(row.end)}`));
}

function renderEventsTable(rows, onActor) {
  const actorCell = (side) => (row) => {
    const label = actorLabel(row, side);
    const id = row[`${side}_id`];
    if (!id || !onActor) return label;
    return h("a", { href: "#events", class: "actor", onclick: (event) => { event.preventDefault(); onActor(side, id); } }, label);
  };
  return table([
    { label: "Date", cell: (r) => text(r.date || r.article_date), className: "nowrap" },
    { label: "Actor", cell: actorCell("actor") },
    { label: "Recipient", cell: actorCell("recipient") },
    { label: "Type", cell: (r) => h("span", { class: "type", title: `CAMEO ${text(r.cameo)}` }, text(r.type), r.mode ? ` · ${r.mode}` : "") },
    { label: "Modality", cell: (r) => h("span", { class: `modality m-${MODALITIES.includes(r.modality) ? r.modality : "other"}` }, text(r.modality)) },
    { label: "Goldstein", cell: (r) => number(r.goldstein, 1), className: "num" },
    { label: "Conf.", cell: (r) => number(r.confidence), className: "num" },
    { label: "Evidence", cell: evidenceCell },
  ], rows, { empty: "No events match these filters." });
}

function speakerLabel(quote) {
  if (quote.speaker) return quote.speaker.name || quote.speaker.text;
  return quote.speaker_text || "unknown speaker";
}

// The article text with each event's evidence and each quote marked; returns {node, skipped}.
function renderArticleText(content, events, quotes, focusIndex) {
  const spans = [
    ...events.map((e, i) => ({ start: e.start, end: e.end, kind: "event", ref: i })),
    ...quotes.map((q, i) => ({ start: q.start, end: q.end, kind: "quote", ref: i })),
  ];
  const { pieces, skipped } = highlightPieces(content, spans);
  const body = h("div", { class: "article-text" });
  for (const piece of pieces) {
    if (!piece.spans.length) {
      body.appendChild(document.createTextNode(piece.text));
      continue;
    }
    const covering = piece.spans.map((i) => spans[i]);
    const eventRefs = covering.filter((s) => s.kind === "event").map((s) => s.ref);
    const quoteRefs = covering.filter((s) => s.kind === "quote").map((s) => s.ref);
    const classes = [];
    if (eventRefs.length) classes.push("ev");
    if (quoteRefs.length) classes.push("qt");
    if (focusIndex !== null && focusIndex !== undefined && eventRefs.includes(focusIndex)) classes.push("focus");
    const title = [
      ...eventRefs.map((i) => `e${i} ${text(events[i].type)} (${text(events[i].modality)})`),
      ...quoteRefs.map((i) => `q${i} quote of ${speakerLabel(quotes[i])}`),
    ].join("; ");
    body.appendChild(h("mark", { class: classes.join(" "), title, "data-events": eventRefs.map((i) => `e${i}`).join(" ") }, piece.text));
  }
  return { node: body, skipped };
}

function renderArticle(article, focusEventId) {
  const events = article.events || [];
  const quotes = article.quotes || [];
  const actors = article.actors || [];
  const focusIndex = events.findIndex((e) => e.event_id && e.event_id === focusEventId);
  const { node, skipped } = renderArticleText(text(article.text), events, quotes, focusIndex >= 0 ? focusIndex : null);
  const link = safeHref(article.url);
  const eventRows = events.map((e, i) => ({ ...e, index: i }));
  return h("article", { class: "article" },
    h("h2", null, text(article.title) || text(article.id)),
    h("p", { class: "meta" },
      `id ${text(article.id)}`, article.date ? ` · ${article.date}` : "",
      link ? [" · ", h("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank" }, "source")] : ""),
    skipped ? h("p", { class: "error" }, `${skipped} highlighted span(s) do not fit the article text and are not shown.`) : null,
    node,
    h("h3", null, `Events (${events.length})`),
    table([
      { label: "#", cell: (e) => `e${e.index}` },
      { label: "Actor", cell: (e) => (e.actor ? text(e.actor.name || e.actor.text) : "—") },
      { label: "Recipient", cell: (e) => (e.recipient ? text(e.recipient.name || e.recipient.text) : "—") },
      { label: "Type", cell: (e) => `${text(e.type)} (CAMEO ${text(e.cameo)})` },
      { label: "Modality", cell: (e) => text(e.modality) },
      { label: "Date", cell: (e) => text(e.date) },
      { label: "Trigger", cell: (e) => text(e.trigger) },
      { label: "Evidence", cell: (e) => h("q", null, text(e.evidence)) },
    ], eventRows, { empty: "No events.", rowAttrs: (e) => ({ class: e.index === focusIndex ? "focus" : null }) }),
    h("h3", null, `Quotes (${quotes.length})`),
    quotes.length
      ? h("ol", { class: "quotes" }, quotes.map((q) => h("li", null,
        h("strong", null, speakerLabel(q)), q.cue ? ` (${q.cue})` : "", q.direct ? " — direct: " : " — reported: ",
        h("q", null, text(q.text)))))
      : h("p", { class: "empty" }, "No quotes."),
    h("h3", null, `Actors (${actors.length})`),
    table([
      { label: "Mention", cell: (a) => text(a.text) },
      { label: "Resolved to", cell: (a) => text(a.name) },
      { label: "Kind", cell: (a) => text(a.kind) },
      { label: "Country / org", cell: (a) => text(a.country || a.org) },
      { label: "Id", cell: (a) => text(a.id) },
    ], actors, { empty: "No actors." }));
}

// A sum is 0 in a quiet period where a mean is undefined, so the default line has no gaps.
const RELATION_DEFAULT_METRIC = "goldstein_sum";

// Relations: a→b and b→a of one metric, then the events behind them, so every point can be traced to sentences.
function renderRelationChart(relation, metric) {
  const labels = (relation.series || []).map((row) => text(row.period));
  const values = (rows) => labels.map((label) => {
    const row = (rows || []).find((r) => text(r.period) === label);
    return row && row[metric] !== null && row[metric] !== undefined ? Number(row[metric]) : null;
  });
  return lineChart(labels, [
    { name: `${relation.a} → ${relation.b}`, values: values(relation.forward) },
    { name: `${relation.b} → ${relation.a}`, values: values(relation.backward) },
    { name: "both directions", values: values(relation.series) },
  ], { title: `${relation.a} and ${relation.b}: ${metric} per ${relation.freq}`, yLabel: metric, empty: "No events between these two actors." });
}

function renderRelations(relation, events) {
  const metrics = relation.metrics || [];
  const chosen = metrics.includes(RELATION_DEFAULT_METRIC) ? RELATION_DEFAULT_METRIC : metrics[0];
  const chartBox = h("div", null, chosen ? renderRelationChart(relation, chosen) : h("p", { class: "empty" }, "No series."));
  const picker = h("label", null, "Measure ", h("select", {
    onchange: (event) => replaceContent(chartBox, renderRelationChart(relation, event.target.value)),
  }, metrics.map((m) => h("option", { value: m, selected: m === chosen }, m))));
  return h("div", null,
    h("p", { class: "meta" }, `${relation.a} and ${relation.b}, per ${relation.freq}; ${(relation.series || []).length} period(s).`),
    metrics.length ? picker : null,
    chartBox,
    h("h3", null, `Events between ${relation.a} and ${relation.b} (${events.length})`),
    renderEventsTable(events));
}

function renderMembers(detail) {
  const rows = detail.standing || [];
  const components = detail.drift_components || [];
  return table([
    { label: "State", cell: (m) => text(m.member) },
    // The registry's source note is long: it is the status's tooltip here and in full in the history below.
    { label: "Status", cell: (m) => h("span", { class: `status-${text(m.status)}`, title: text(m.source) }, text(m.status)) },
    { label: "Since", cell: (m) => text(m.since), className: "nowrap" },
    { label: "Period", cell: (m) => text(m.period), className: "nowrap" },
    ...components.map((component) => ({ label: component, cell: (m) => number(m.drift ? m.drift[component] : null), className: "num" })),
  ], rows, { empty: "No state related to this alliance on this date." });
}

function renderDrift(detail, component) {
  const rows = detail.drift_series || [];
  if (!rows.length) return h("p", { class: "empty" }, "No drift series for this alliance yet.");
  const labels = [...new Set(rows.map((r) => text(r.period)))].sort();
  const members = [...new Set(rows.map((r) => text(r.member)))].sort();
  const series = members.map((member) => ({
    name: member,
    values: labels.map((label) => {
      const row = rows.find((r) => text(r.period) === label && text(r.member) === member);
      return row && row[component] !== null && row[component] !== undefined ? Number(row[component]) : null;
    }),
  }));
  return lineChart(labels, series, { title: `${detail.code}: ${component} per member`, yLabel: component });
}

function renderCohesion(detail) {
  const rows = detail.cohesion || [];
  if (!rows.length) return null;
  return lineChart(rows.map((r) => text(r.period)), [{ name: "cohesion", values: rows.map((r) => (r.cohesion === null ? null : Number(r.cohesion))) }],
    { title: `${detail.code}: cohesion (minus the mean drift of active members)`, yLabel: "cohesion" });
}

function alertEvidence(record) {
  const where = record.start !== null && record.start !== undefined ? ` · ${record.start}–${record.end}` : "";
  return h("li", null,
    h("p", { class: "alert-event" },
      h("strong", null, `${text(record.actor)} → ${text(record.recipient)}`), ` ${text(record.type)}`,
      record.modality && record.modality !== "asserted" ? ` (${record.modality})` : "",
      record.date ? ` · ${record.date}` : "", record.reason ? ` · ${record.reason}` : ""),
    h("q", null, text(record.evidence)),
    (record.quotes || []).length ? h("ul", { class: "alert-quotes" }, record.quotes.map((q) => h("li", null, h("q", null, text(q))))) : null,
    h("a", { href: articleHref(record.article_id, record.event_id), class: "source" },
      `${text(record.title) || text(record.article_id)} · sentence ${text(record.sentence_index)}${where}`),
    (record.reported_by || []).length > 1 ? h("span", { class: "source-note" }, ` · reported by ${record.reported_by.length} articles`) : null);
}

function renderAlerts(alerts) {
  if (!alerts.length) return h("p", { class: "empty" }, "No alerts for this period.");
  return h("ol", { class: "alerts" }, alerts.map((alert) => {
    const strong = Math.abs(Number(alert.z)) >= 3;
    return h("li", { class: `alert ${strong ? "severity-high" : "severity-medium"}` },
      h("p", { class: "alert-head" },
        h("strong", null, text(alert.headline || alert.subject)), " ",
        h("span", { class: "source-note" }, `${text(alert.kind)} · ${text(alert.period)} · ${text(alert.metric)} ${number(alert.value)} ` +
          `(usual ${number(alert.baseline)} ± ${number(alert.baseline_std)}, z ${number(alert.z, 1)})`)),
      (alert.evidence || []).length
        ? h("ol", { class: "alert-evidence" }, alert.evidence.map(alertEvidence))
        : h("p", { class: "empty" }, "No evidence sentences attached."));
  }));
}

// ---- views (need a browser) -------------------------------------------------------------------------------

const state = { eventsOffset: 0, alliances: [] };

function $(id) {
  return document.getElementById(id);
}

// "2024", "2024-04" or "2024-04-12" → the last day of that period, as YYYY-MM-DD.
function lastDayOf(partial) {
  const [year, month, day] = text(partial).split("-").map(Number);
  if (day) return text(partial);
  const last = month ? new Date(Date.UTC(year, month, 0)) : new Date(Date.UTC(year, 12, 0));
  return last.toISOString().slice(0, 10);
}

function setStatus(message) {
  replaceContent($("status"), message || "");
}

async function loadStats() {
  try {
    const stats = await api("/api/stats");
    const onField = $("alliances-form").elements.on;
    if (!onField.value && stats.last_event_date) onField.value = lastDayOf(stats.last_event_date);
    const range = stats.first_event_date ? ` · ${stats.first_event_date} to ${stats.last_event_date}` : "";
    replaceContent($("stats"), `${stats.articles} articles · ${stats.events} events · ${stats.quotes} quotes · ${stats.actors} actors${range}`);
  } catch (error) {
    replaceContent($("stats"), error.message);
  }
}

async function showEvents(offset = 0) {
  const values = formValues($("events-form"));
  const limit = Number(values.limit) || 100;
  const out = $("events-out");
  state.eventsOffset = offset;
  try {
    const rows = await api("/api/events", {
      actor: splitList(values.actor), recipient: splitList(values.recipient), type: splitList(values.type),
      since: values.since, until: values.until, modality: values.modality, limit, offset,
    });
    const pager = h("p", { class: "pager" },
      offset > 0 ? h("button", { type: "button", onclick: () => showEvents(Math.max(0, offset - limit)) }, "◀ previous") : null,
      ` rows ${rows.length ? offset + 1 : 0}–${offset + rows.length} `,
      rows.length === limit ? h("button", { type: "button", onclick: () => showEvents(offset + limit) }, "next ▶") : null);
    replaceContent(out, pager, renderEventsTable(rows, (side, id) => {
      $("events-form").elements[side].value = id;
      showEvents(0);
    }));
  } catch (error) {
    replaceContent(out, errorBox(error));
  }
}

async function showRelations() {
  const values = formValues($("relations-form"));
  const out = $("relations-out");
  replaceContent(out, h("p", { class: "empty" }, "Loading…"));
  try {
    const range = { since: values.since, until: values.until, limit: 1000 };
    const [relation, forward, backward] = await Promise.all([
      api("/api/relations", { a: values.a, b: values.b, freq: values.freq, since: values.since, until: values.until }),
      api("/api/events", { actor: values.a, recipient: values.b, ...range }),
      api("/api/events", { actor: values.b, recipient: values.a, ...range }),
    ]);
    const events = [...forward, ...backward].sort((p, q) => text(p.date || p.article_date).localeCompare(text(q.date || q.article_date)));
    replaceContent(out, renderRelations(relation, events));
  } catch (error) {
    replaceContent(out, errorBox(error));
  }
}

async function loadAlliances() {
  const select = $("alliances-form").elements.code;
  try {
    state.alliances = await api("/api/alliances");
    replaceContent(select, state.alliances.map((a) => h("option", { value: a.code, selected: a.code === "CSTO" }, `${a.code} — ${a.name}`)));
  } catch (error) {
    replaceContent($("alliances-out"), errorBox(error));
  }
}

async function showAlliance() {
  const values = formValues($("alliances-form"));
  const out = $("alliances-out");
  if (!values.code) return;
  try {
    const detail = await api(`/api/alliances/${encodeURIComponent(values.code)}`, { on: values.on });
    // Only what exists per period can be drawn over time (drift_last4 is a summary of the last periods).
    const sample = (detail.drift_series || [])[0] || {};
    const components = (detail.drift_components || []).filter((c) => c in sample);
    const first = components.includes("drift") ? "drift" : components[0];
    const chartBox = h("div");
    const picker = components.length
      ? h("label", null, "Drift component ",
        h("select", { onchange: (event) => replaceContent(chartBox, renderDrift(detail, event.target.value)) },
          components.map((c) => h("option", { value: c, selected: c === first }, c))))
      : null;
    if (components.length) replaceContent(chartBox, renderDrift(detail, first));
    replaceContent(out,
      h("p", { class: "meta" }, `${detail.name} · ${text(detail.kind)} · leader ${text(detail.leader) || "none"} · status on ${detail.on}`),
      detail.analytics_problem ? h("p", { class: "notice" }, `Drift not shown: ${detail.analytics_problem}`) : null,
      renderMembers(detail),
      components.length ? [h("h3", null, "Drift per member over time"), picker, chartBox] : null,
      detail.cohesion && detail.cohesion.length ? [h("h3", null, "Cohesion over time"), renderCohesion(detail)] : null,
      h("details", null, h("summary", null, "Membership history and sources"),
        table([
          { label: "State", cell: (c) => text(c.member) },
          { label: "Date", cell: (c) => text(c.date) },
          { label: "Status", cell: (c) => text(c.status) },
          { label: "Source", cell: (c) => text(c.source) },
        ], detail.history || [])));
  } catch (error) {
    replaceContent(out, errorBox(error));
  }
}

async function showAlerts() {
  const values = formValues($("alerts-form"));
  try {
    const alerts = await api("/api/alerts", { since: values.since, alliance: splitList(values.alliance), dyads: values.dyads });
    replaceContent($("alerts-out"), renderAlerts(alerts));
  } catch (error) {
    replaceContent($("alerts-out"), errorBox(error));
  }
}

async function showArticles() {
  try {
    const rows = await api("/api/articles", { limit: 1000 });
    replaceContent($("articles-out"), table([
      { label: "Date", cell: (r) => text(r.date), className: "nowrap" },
      { label: "Title", cell: (r) => h("a", { href: articleHref(r.article_id) }, text(r.title) || text(r.article_id)) },
      { label: "Events", cell: (r) => number(r.n_events), className: "num" },
      { label: "Quotes", cell: (r) => number(r.n_quotes), className: "num" },
      { label: "Source", cell: (r) => text(r.source) },
    ], rows, { empty: "No articles stored yet: run `blocwatch ingest` or POST /api/ingest." }));
    const rejects = await api("/api/rejects", { limit: 1000 });
    replaceContent($("rejects-out"), table([
      { label: "Source", cell: (r) => text(r.source) },
      { label: "Reason", cell: (r) => text(r.reason) },
      { label: "When", cell: (r) => text(r.rejected_at) },
    ], rejects, { empty: "No rejected inputs." }));
  } catch (error) {
    replaceContent($("articles-out"), errorBox(error));
  }
}

async function showArticle(articleId, eventId) {
  const out = $("article-out");
  try {
    const article = await api(`/api/articles/${encodeURIComponent(articleId)}`);
    replaceContent(out, renderArticle(article, eventId));
    const focus = out.querySelector("mark.focus");
    if (focus) focus.scrollIntoView({ block: "center" });
  } catch (error) {
    replaceContent(out, errorBox(error));
  }
}

async function runExtract(event) {
  event.preventDefault();
  const values = formValues($("extract-form"));
  const out = $("extract-out");
  replaceContent(out, h("p", { class: "empty" }, "Extracting…"));
  try {
    const body = { text: $("extract-form").elements.text.value, title: values.title || null, date: values.date || null };
    const result = await api("/api/extract", null, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    replaceContent(out, renderArticle({ ...result, text: body.text }));
  } catch (error) {
    replaceContent(out, errorBox(error));
  }
}

const VIEWS = {
  events: () => showEvents(state.eventsOffset),
  relations: showRelations,
  alliances: async () => {
    if (!state.alliances.length) await loadAlliances();
    await showAlliance();
  },
  alerts: showAlerts,
  articles: showArticles,
  extract: () => {},
};

function route() {
  const hash = location.hash.replace(/^#/, "") || "events";
  const [view, ...rest] = hash.split("/");
  const name = view === "article" ? "article" : (VIEWS[view] ? view : "events");
  for (const section of document.querySelectorAll("section.view")) section.hidden = section.id !== `view-${name}`;
  for (const link of document.querySelectorAll("#nav a")) link.classList.toggle("active", link.dataset.view === name);
  setStatus("");
  if (name === "article") {
    showArticle(decodeURIComponent(rest[0] || ""), rest[1] ? decodeURIComponent(rest[1]) : null);
  } else {
    VIEWS[name]();
  }
}

function onSubmit(formId, handler) {
  $(formId).addEventListener("submit", (event) => {
    event.preventDefault();
    handler();
  });
}

async function fillActorCodes() {
  try {
    const actors = await api("/api/actors", { limit: 500 });
    const codes = new Set();
    for (const a of actors) {
      if (a.country) codes.add(a.country);
      if (a.org) codes.add(a.org);
    }
    replaceContent($("actor-codes"), [...codes].sort().map((code) => h("option", { value: code })));
  } catch (error) {
    // The datalist only offers suggestions; the form works without it.
  }
}

async function start() {
  onSubmit("events-form", () => showEvents(0));
  onSubmit("relations-form", showRelations);
  onSubmit("alliances-form", showAlliance);
  onSubmit("alerts-form", showAlerts);
  $("extract-form").addEventListener("submit", runExtract);
  window.addEventListener("hashchange", route);
  fillActorCodes();
  await loadStats(); // first, so that the alliance view opens on the latest data
  route();
}

if (typeof module !== "undefined" && module.exports) {
  module.exports = {
    h, svg, safeHref, highlightPieces, lastDayOf, niceTicks, lineChart, table,
    renderEventsTable, renderArticle, renderArticleText, renderRelations, renderRelationChart, renderMembers,
    renderDrift, renderCohesion, renderAlerts,
  };
} else if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", start);
}
