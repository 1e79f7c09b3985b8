// The tacitus dashboard: map, timeline, dyad network, event table and article view over the
// JSON API. d3 and topojson are globals from /static/vendor (installed from npm, never
// committed). Text from the store is only ever set as textContent, never as HTML.

const d3 = window.d3;
const topojson = window.topojson;

const FILTERS = ["actor", "source", "target", "dyad", "root", "code", "plover_type", "quad_class",
  "modality", "polarity", "attribution", "country", "place_country", "bbox", "since", "until",
  "text", "article", "min_confidence", "coded", "all"];
const QUADS = {
  1: ["verbal cooperation", "#5aae61"],
  2: ["material cooperation", "#1b7837"],
  3: ["verbal conflict", "#f1a340"],
  4: ["material conflict", "#b2182b"],
};
const PAGE = 50;
const CLUSTER_PX = 22; // points closer than this on screen merge into one cluster
const NETWORK_DYADS = 40;
const NETWORK_TICKS = 70;
const NETWORK_DECAY = 0.07;

const $ = (sel) => document.querySelector(sel);
let state = readState();
let world = null;
let generation = 0;
let nextCursor = null;

// -- state in the URL ----------------------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  const filters = {};
  for (const k of FILTERS) if (p.get(k)) filters[k] = p.get(k);
  return { filters, interval: p.get("interval") || "week", event: p.get("event") };
}

function writeState(push = true) {
  const p = new URLSearchParams(state.filters);
  if (state.interval !== "week") p.set("interval", state.interval);
  if (state.event) p.set("event", state.event);
  const url = p.toString() ? `?${p}` : location.pathname;
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
}

function setFilters(changes) {
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") delete state.filters[k];
    else state.filters[k] = String(v);
  }
  writeState();
  refresh();
}

function params(filters, extra = {}, omit = []) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (!omit.includes(k)) p.set(k, v);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

async function api(path, query = "") {
  const response = await fetch(query ? `${path}?${query}` : path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

// -- the filter form -----------------------------------------------------------------------

function setUpForm() {
  const form = $("#filters");
  for (let r = 1; r <= 20; r++) form.root.add(new Option(String(r).padStart(2, "0")));
  for (const [q, [name]] of Object.entries(QUADS)) form.quad_class.add(new Option(`${q} ${name}`, q));
  form.addEventListener("change", () => {
    const data = new FormData(form);
    state.interval = data.get("interval") || "week";
    const changes = {};
    for (const k of FILTERS) if (form.elements[k]) changes[k] = data.get(k);
    setFilters(changes);
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  $("#reset").addEventListener("click", () => { state.filters = {}; writeState(); refresh(); });
  $("#legend").replaceChildren(...Object.values(QUADS).map(([name, colour]) => {
    const span = document.createElement("span");
    const dot = document.createElement("i");
    dot.style.background = colour;
    span.append(dot, name);
    return span;
  }));
}

function syncForm() {
  const form = $("#filters");
  for (const k of FILTERS) {
    const el = form.elements[k];
    if (!el) continue;
    if (el.type === "checkbox") el.checked = state.filters[k] === "true";
    else el.value = state.filters[k] || "";
  }
  form.interval.value = state.interval;
}

// -- loading ---------------------------------------------------------------------------------

async function refresh() {
  const gen = ++generation;
  document.body.dataset.ready = "0";
  syncForm();
  const started = performance.now();
  try {
    const [series, places, dyads, page] = await Promise.all([
      // the timeline ignores its own date filter, so a brush can be moved or widened
      api("/api/timeseries", params(state.filters, { interval: state.interval }, ["since", "until"])),
      api("/api/places", params(state.filters, { n: 2000 })),
      api("/api/dyads/top", params(state.filters, { n: NETWORK_DYADS })),
      api("/api/events", params(state.filters, { size: PAGE })),
    ]);
    if (gen !== generation) return;
    showError(null);
    // per-panel drawing times, read by bench/web.py to say where a slow view spends its time
    const timings = { fetch: performance.now() - started };
    // every panel's size is read before any is drawn: reading one after drawing another
    // forces the browser to lay out the whole page again (it cost ~100 ms a refresh)
    const size = {};
    for (const id of ["map", "timeline", "network"]) size[id] = $(`#${id}`).getBoundingClientRect();
    for (const [name, draw] of [["timeline", () => drawTimeline(series.periods, size.timeline)],
      ["map", () => drawMap(places, size.map)], ["network", () => drawNetwork(dyads, size.network)],
      ["table", () => drawTable(page, false)]]) {
      const t0 = performance.now();
      draw();
      timings[name] = performance.now() - t0;
    }
    window.tacitusTimings = timings;
    if (state.event) await openEvent(state.event, false);
  } catch (err) {
    if (gen === generation) showError(err.message);
  }
  if (gen === generation) {
    document.body.dataset.ready = "1";
    // how many views have been drawn: lets a test or benchmark wait for the next one
    document.body.dataset.drawn = String(Number(document.body.dataset.drawn || 0) + 1);
  }
}

function showError(message) {
  const el = $("#error");
  el.hidden = !message;
  el.textContent = message || "";
}

// -- map -------------------------------------------------------------------------------------

function clusterPlaces(places, projection, radius) {
  // Grid clustering: places falling in the same cell of `radius` pixels merge, placed at
  // their event-weighted centre. Linear in the number of places, unlike pairwise merging.
  const cells = new Map();
  for (const p of places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const key = `${Math.floor(xy[0] / radius)}:${Math.floor(xy[1] / radius)}`;
    let c = cells.get(key);
    if (!c) { c = { sx: 0, sy: 0, n: 0, q: [0, 0, 0, 0, 0], members: [] }; cells.set(key, c); }
    c.sx += xy[0] * p.events;
    c.sy += xy[1] * p.events;
    c.n += p.events;
    for (let k = 1; k <= 4; k++) c.q[k] += p[`q${k}`];
    c.members.push(p);
  }
  // Neighbouring cells can hold points a pixel apart: merge cell clusters that overlap,
  // biggest first (there are at most a few hundred cells, so pairwise is cheap here).
  const cellClusters = [...cells.values()].sort((a, b) => b.n - a.n);
  const merged = [];
  for (const c of cellClusters) {
    const x = c.sx / c.n, y = c.sy / c.n;
    const into = merged.find((m) => (m.sx / m.n - x) ** 2 + (m.sy / m.n - y) ** 2 < radius * radius);
    if (!into) { merged.push(c); continue; }
    into.sx += c.sx; into.sy += c.sy; into.n += c.n;
    for (let k = 1; k <= 4; k++) into.q[k] += c.q[k];
    into.members.push(...c.members);
  }
  return merged.map((c) => ({ ...c, x: c.sx / c.n, y: c.sy / c.n }));
}

function dominantQuad(q) {
  let best = 1;
  for (let k = 2; k <= 4; k++) if (q[k] > q[best]) best = k;
  return best;
}

const map = { width: 0, height: 0, projection: null, layer: null, k: 1, places: [] };

function drawBasemap(width, height) {
  const svg = d3.select("#map");
  map.width = width;
  map.height = height;
  map.projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
  const path = d3.geoPath(map.projection);
  svg.selectAll("*").remove();
  const g = svg.append("g");
  g.append("path").datum({ type: "Sphere" }).attr("class", "sphere").attr("d", path);
  if (world) g.append("g").selectAll("path").data(world.features).join("path").attr("class", "land").attr("d", path);
  map.layer = g.append("g");
  map.k = 1;
  svg.call(d3.zoom().scaleExtent([1, 50]).on("zoom", (e) => g.attr("transform", e.transform))
    .on("end", (e) => { if (e.transform.k !== map.k) { map.k = e.transform.k; drawClusters(); } }));
}

function drawMap(places, { width, height }) {
  if (width !== map.width || height !== map.height || !map.layer) drawBasemap(width, height);
  map.places = places;
  drawClusters();
}

function drawClusters() {
  const k = map.k;
  const clusters = clusterPlaces(map.places, map.projection, CLUSTER_PX / k);
  const size = d3.scaleSqrt().domain([1, d3.max(clusters, (c) => c.n) || 1]).range([4, 18]);
  map.layer.selectAll("*").remove();
  const items = map.layer.selectAll("g").data(clusters).join("g")
    .attr("transform", (c) => `translate(${c.x},${c.y}) scale(${1 / k})`)
    .on("click", (_, c) => setFilters({ bbox: boxAround(c.members) }));
  items.append("circle").attr("class", "cluster").attr("r", (c) => size(c.n))
    .attr("fill", (c) => QUADS[dominantQuad(c.q)][1]);
  items.filter((c) => c.n > 1).append("text").attr("class", "cluster-label").text((c) => c.n);
  items.append("title").text((c) => `${c.members.map((m) => m.name).slice(0, 8).join(", ")}: ${c.n} events`);
}

function boxAround(members) {
  const pad = 0.5; // degrees, so a single point still gives a box
  const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
  const lons = members.map((m) => m.lon), lats = members.map((m) => m.lat);
  const box = [clamp(Math.min(...lons) - pad, 180), clamp(Math.min(...lats) - pad, 90),
    clamp(Math.max(...lons) + pad, 180), clamp(Math.max(...lats) + pad, 90)];
  return box.map((v) => v.toFixed(2)).join(",");
}

// -- timeline ----------------------------------------------------------------------------------

function drawTimeline(periods, { width, height }) {
  const svg = d3.select("#timeline");
  const m = { top: 8, right: 10, bottom: 20, left: 34 };
  svg.selectAll("*").remove();
  if (!periods.length) return;
  const dates = periods.map((p) => new Date(`${p.period}T00:00:00Z`));
  const step = { day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth }[state.interval];
  const x = d3.scaleUtc().domain([dates[0], step.offset(dates[dates.length - 1], 1)])
    .range([m.left, width - m.right]);
  const y = d3.scaleLinear().domain([0, d3.max(periods, (p) => p.events)]).nice()
    .range([height - m.bottom, m.top]);
  const stack = d3.stack().keys(["q1", "q2", "q3", "q4"])(periods);
  svg.append("g").selectAll("g").data(stack).join("g")
    .attr("fill", (s) => QUADS[Number(s.key.slice(1))][1])
    .selectAll("rect").data((s) => s).join("rect")
    .attr("x", (d, i) => x(dates[i]))
    .attr("width", (d, i) => Math.max(1, x(step.offset(dates[i], 1)) - x(dates[i]) - 1))
    .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1]));
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x).ticks(width / 90));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.left},0)`)
    .call(d3.axisLeft(y).ticks(4));
  const iso = (d) => d.toISOString().slice(0, 10);
  const brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
    .on("end", (e) => {
      if (!e.sourceEvent) return; // moved by code, not by the user
      if (!e.selection) { setFilters({ since: null, until: null }); return; }
      const [a, b] = e.selection.map(x.invert);
      setFilters({ since: iso(step.floor(a)), until: iso(d3.utcDay.offset(step.ceil(b), -1)) });
    });
  const gb = svg.append("g").attr("class", "brush").call(brush);
  const { since, until } = state.filters;
  if (since || until) {
    const a = since ? x(new Date(`${since}T00:00:00Z`)) : m.left;
    const b = until ? x(d3.utcDay.offset(new Date(`${until}T00:00:00Z`), 1)) : width - m.right;
    gb.call(brush.move, [Math.max(m.left, a), Math.min(width - m.right, b)]);
  }
}

// -- dyad network ------------------------------------------------------------------------------

function drawNetwork(dyads, { width, height }) {
  const svg = d3.select("#network");
  svg.selectAll("*").remove();
  const ids = [...new Set(dyads.flatMap((d) => [d.source, d.target]))];
  const nodes = ids.map((id) => ({ id }));
  const links = dyads.map((d) => ({ ...d }));
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.id).distance(70))
    .force("charge", d3.forceManyBody().strength(-160))
    .force("center", d3.forceCenter(width / 2, height / 2))
    // pull unconnected pairs towards the middle too, or they drift to the edges
    .force("x", d3.forceX(width / 2).strength(0.08))
    .force("y", d3.forceY(height / 2).strength(0.12))
    .force("collide", d3.forceCollide(18))
    .alphaDecay(NETWORK_DECAY)
    .stop();
  // laid out once, not animated, so it stays still to read; the fast decay settles ~60 nodes
  // in 70 ticks (the default 300 cost ~110 ms a refresh on the 2-core machine)
  for (let i = 0; i < NETWORK_TICKS; i++) sim.tick();
  for (const n of nodes) {
    n.x = Math.max(20, Math.min(width - 20, n.x));
    n.y = Math.max(12, Math.min(height - 12, n.y));
  }
  const colour = d3.scaleDiverging([-10, 0, 10], d3.interpolateRdYlGn);
  const widthOf = d3.scaleSqrt().domain([1, d3.max(links, (l) => l.events) || 1]).range([1, 8]);
  svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8")
    .attr("refX", 14).attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 8).attr("markerHeight", 8).attr("orient", "auto")
    .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#888");
  svg.append("g").selectAll("line").data(links).join("line").attr("class", "link")
    .attr("x1", (l) => l.source.x).attr("y1", (l) => l.source.y)
    .attr("x2", (l) => l.target.x).attr("y2", (l) => l.target.y)
    .attr("stroke", (l) => colour(l.goldstein_mean ?? 0)).attr("stroke-width", (l) => widthOf(l.events))
    .attr("marker-end", "url(#arrow)")
    .on("click", (_, l) => setFilters({ dyad: `${l.source.id},${l.target.id}` }))
    .append("title").text((l) => `${l.source.id} → ${l.target.id}: ${l.events} events, mean Goldstein ${(l.goldstein_mean ?? 0).toFixed(1)}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .attr("transform", (n) => `translate(${n.x},${n.y})`)
    .on("click", (_, n) => setFilters({ actor: n.id, dyad: null }));
  node.append("circle").attr("r", 5);
  node.append("text").attr("x", 7).attr("y", 3).text((n) => n.id);
}

// -- event table -------------------------------------------------------------------------------

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  if (className) td.className = className;
  return td;
}

function drawTable(page, append) {
  const body = $("#events tbody");
  const rows = page.events.map((e) => {
    const tr = document.createElement("tr");
    tr.dataset.id = e.id;
    const when = e.date ? e.date.value : "";
    const ev = cell(`${e.cameo} ${e.cameo_name}`, "q");
    ev.style.borderColor = (QUADS[e.quad_class] || ["", "#ccc"])[1];
    if (e.candidate) { // shown only with the candidates toggle: say why it is left out by default
      tr.classList.add("candidate");
      const why = document.createElement("small");
      why.className = "candidate-reason";
      why.textContent = `candidate: ${e.candidate}`;
      ev.append(document.createElement("br"), why);
    }
    tr.append(cell(when, "when"), cell(e.source ? e.source.code || e.source.text : "-"), ev,
      cell(e.target ? e.target.code || e.target.text : "-"), cell(e.location ? e.location.name : ""),
      cell(e.text, "snippet"));
    tr.addEventListener("click", () => openEvent(e.id));
    return tr;
  });
  if (append) body.append(...rows); else body.replaceChildren(...rows);
  nextCursor = page.next;
  $("#more").hidden = !nextCursor;
  $("#count").textContent = `${body.children.length}${nextCursor ? "+" : ""} shown`;
}

async function more() {
  if (!nextCursor) return;
  try {
    drawTable(await api("/api/events", params(state.filters, { size: PAGE, cursor: nextCursor })), true);
  } catch (err) {
    showError(err.message);
  }
}

// -- article view ------------------------------------------------------------------------------

async function openEvent(id, push = true) {
  state.event = id;
  writeState(push);
  let view;
  try {
    view = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    showError(err.message);
    return;
  }
  const { event: e, article: a } = view;
  $("#article-title").textContent = (a && (a.title || a.id)) || e.article_id;
  const meta = $("#article-meta");
  meta.replaceChildren(document.createTextNode([a && a.outlet, a && a.published].filter(Boolean).join(" · ")));
  if (a && a.url && /^https?:\/\//i.test(a.url)) { // never a javascript: link from the store
    const link = document.createElement("a");
    link.href = a.url;
    link.rel = "noopener noreferrer";
    link.textContent = " source";
    meta.append(link);
  }
  const party = (p) => (p ? p.code || p.text : "-");
  const flags = [e.polarity !== "asserted" && e.polarity, e.modality !== "factual" && e.modality,
    e.attribution && e.attribution.status].filter(Boolean).join(", ");
  $("#event-summary").textContent = `${party(e.source)} → ${e.cameo} ${e.cameo_name} → ${party(e.target)}`
    + ` · Goldstein ${e.goldstein ?? "?"} · confidence ${e.confidence}${flags ? ` · ${flags}` : ""}`
    + (e.candidate ? ` · candidate: ${e.candidate}` : "");
  const text = $("#article-text");
  text.replaceChildren(...view.pieces.map((p) => {
    if (!p.marks.length) return document.createTextNode(p.text);
    const span = document.createElement("span");
    span.className = p.marks.join(" ");
    span.textContent = p.text;
    return span;
  }));
  $("#whys dl").replaceChildren(...view.whys.flatMap((w) => {
    const dt = document.createElement("dt");
    dt.textContent = w.about;
    const dd = document.createElement("dd");
    dd.textContent = w.why;
    return [dt, dd];
  }));
  $("#article").hidden = false;
  const trigger = text.querySelector(".trigger");
  if (trigger) trigger.scrollIntoView({ block: "center" });
  await showCluster(id);
}

// -- the other reports of an event's happening (its cluster) ----------------------------------

async function showCluster(id) {
  const panel = $("#cluster");
  panel.hidden = true;
  let cluster;
  try {
    cluster = await api(`/api/events/${encodeURIComponent(id)}/cluster`, params({}, state.filters.all ? { all: "true" } : {}));
  } catch (err) {
    showError(err.message);
    return;
  }
  if (state.event !== id) return; // another event was opened meanwhile
  const c = cluster.counts;
  $("#cluster-counts").textContent = `${c.mentions} report(s) in ${c.articles} article(s) from ${c.outlets} outlet(s)`
    + (c.copies ? `, ${c.copies} syndicated cop${c.copies === 1 ? "y" : "ies"}` : "");
  $("#cluster-mentions").replaceChildren(...cluster.mentions.map((m) => {
    const li = document.createElement("li");
    li.dataset.id = m.event_id;
    if (m.event_id === id) li.className = "current";
    const head = document.createElement("b");
    head.textContent = [m.outlet || m.article_id, m.first_seen && m.first_seen.slice(0, 10),
      m.copy_of && `copy of ${m.copy_of}`].filter(Boolean).join(" · ");
    const sentence = document.createElement("span");
    sentence.textContent = ` ${m.text || ""}`;
    li.append(head, sentence);
    if (m.event_id !== id) li.addEventListener("click", () => openEvent(m.event_id));
    return li;
  }));
  panel.hidden = false;
}

function closeEvent() {
  state.event = null;
  writeState();
  $("#article").hidden = true;
}

// -- start ---------------------------------------------------------------------------------------

async function status() {
  try {
    const s = await api("/api/status");
    const c = s.counts;
    const el = $("#status");
    // the snapshot's first words say what is served; the reason why is in the tooltip
    el.textContent = `${c.events} events from ${c.articles_coded} articles`
      + (c.articles_failed ? ` (${c.articles_failed} failed)` : "")
      + (s.snapshot ? ` · ${s.snapshot.split(" (")[0]}` : "");
    el.title = s.snapshot || "";
  } catch (err) {
    showError(err.message);
  }
}

async function start() {
  setUpForm();
  $("#more").addEventListener("click", more);
  $("#close").addEventListener("click", closeEvent);
  window.addEventListener("popstate", () => { state = readState(); if (!state.event) $("#article").hidden = true; refresh(); });
  const atlas = await fetch("/static/vendor/countries-110m.json").then((r) => r.json());
  world = topojson.feature(atlas, atlas.objects.countries);
  status();
  await refresh();
}

start();
