'use strict';
// The live page: polls /api/live every second and /api/hour every few; each request has a deadline,
// so a server or service that does not answer shows as such instead of freezing the page.
const LIVE_EVERY_MS = 1000;
const HOUR_EVERY_MS = 3000;
const DEADLINE_MS = 4000;

const CHARTS = [
  {title: 'events/s', series: [['produced_per_second', 'produced', '#3b6fd8'], ['stored_per_second', 'stored', '#1f9d55']]},
  {title: 'Kafka lag (records)', series: [['kafka_lag_records', 'lag', '#c9741a']]},
  {title: 'Kafka lag (s)', series: [['kafka_lag_seconds', 'lag', '#c9741a']]},
  {title: 'batch duration (s)', series: [['batch_seconds', 'batch', '#7d4cc2']]},
  {title: 'freshness (s)', series: [['freshness_seconds', 'now − newest stored', '#0f8b8d']]},
  {title: 'dead letters', series: [['dead_letters', 'dead letters', '#a8322d']]},
  {title: 'join misses', series: [['join_misses', 'join misses', '#8a8f98']]},
];

async function getJson(url) {
  const response = await fetch(url, {signal: AbortSignal.timeout(DEADLINE_MS), cache: 'no-store'});
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error || response.statusText);
  }
  return body;
}

function text(element, value) {
  element.textContent = value === null || value === undefined ? '–' : String(value);
}

function cell(row, value) {
  const td = document.createElement('td');
  text(td, value);
  row.appendChild(td);
  return td;
}

function fillTable(table, columns, rows) {
  const head = table.querySelector('thead');
  const headRow = document.createElement('tr');
  columns.forEach(c => { const th = document.createElement('th'); th.textContent = c; headRow.appendChild(th); });
  head.replaceChildren(headRow);
  table.querySelector('tbody').replaceChildren(...rows.map(values => {
    const tr = document.createElement('tr');
    values.forEach(v => cell(tr, typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(1) : v));
    return tr;
  }));
}

const CHART_HEIGHT = 140;

function chartWidth(div) {
  return Math.max(260, div.clientWidth - 16);
}

// One line per tick, in UTC like the rest of the page: uPlot's default puts the date on a second line,
// which runs into the next tick's in a chart this narrow.
const TIME_AXIS = {space: 60, values: (u, ticks) => ticks.map(t => new Date(t * 1000).toISOString().substring(11, 19))};

function makeCharts() {
  const host = document.getElementById('charts');
  const charts = CHARTS.map(spec => {
    const div = document.createElement('div');
    div.className = 'chart';
    host.appendChild(div);
    const options = {
      title: spec.title, width: chartWidth(div), height: CHART_HEIGHT, legend: {show: spec.series.length > 1},
      scales: {x: {time: true}}, axes: [TIME_AXIS, {}],
      series: [{}, ...spec.series.map(([, label, stroke]) => ({label, stroke, width: 1.5}))],
    };
    const data = [[], ...spec.series.map(() => [])];
    return {spec, div, plot: new uPlot(options, data, div)};
  });
  window.addEventListener('resize', () => charts.forEach(c => c.plot.setSize({width: chartWidth(c.div), height: CHART_HEIGHT})));
  return charts;
}

function showServices(services) {
  const list = document.getElementById('services');
  list.replaceChildren(...services.map(s => {
    const li = document.createElement('li');
    li.className = s.up ? 'up' : 'down';
    li.dataset.service = s.service;
    li.textContent = s.service + (s.up ? ' up' : ' down') + ': ' + s.detail;
    return li;
  }));
}

function showPlays(plays) {
  document.querySelector('#plays tbody').replaceChildren(...plays.map(p => {
    const tr = document.createElement('tr');
    cell(tr, p.ts.replace('T', ' ').replace('Z', ''));
    const link = document.createElement('a');
    link.href = '/listener?' + new URLSearchParams({name: p.name, date: p.date, hour: p.hour});
    link.textContent = p.name;
    cell(tr, '').replaceChildren(link);
    cell(tr, p.song);
    cell(tr, p.artists);
    return tr;
  }));
}

async function refreshLive(charts) {
  try {
    const live = await getJson('/api/live');
    showServices(live.services);
    text(document.getElementById('total-produced'), live.totals.produced);
    text(document.getElementById('total-stored'), live.totals.stored);
    text(document.getElementById('total-batches'), live.totals.batches);
    text(document.getElementById('total-dead-letters'), live.totals.dead_letters);
    text(document.getElementById('total-join-misses'), live.totals.join_misses);
    charts.forEach(({spec, plot}) => plot.setData([live.series.time, ...spec.series.map(([key]) => live.series[key])]));
    showPlays(live.plays);
  } catch (e) {
    showServices([{service: 'dashboard', up: false, detail: 'no answer from the dashboard server (' + e.message + ')'}]);
  }
}

async function refreshHour() {
  try {
    const hour = await getJson('/api/hour');
    if (hour.songs) {
      const label = hour.date + ' ' + String(hour.hour).padStart(2, '0') + ':00 UTC';
      text(document.getElementById('hour-label'), label);
      text(document.getElementById('hour-label-listeners'), label);
      fillTable(document.getElementById('top-songs'), hour.songs.columns, hour.songs.rows);
      fillTable(document.getElementById('top-listeners'), hour.listeners.columns, hour.listeners.rows);
    }
  } catch (e) {
    text(document.getElementById('hour-label'), '(not available: ' + e.message + ')');
  }
}

const charts = makeCharts();
refreshLive(charts);
refreshHour();
setInterval(() => refreshLive(charts), LIVE_EVERY_MS);
setInterval(refreshHour, HOUR_EVERY_MS);
