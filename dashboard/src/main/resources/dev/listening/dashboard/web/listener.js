'use strict';
// The listener page: the three queries of ./pipeline query for a name, date and hour. The values go
// to the server as URL parameters, which binds them to the queries' markers.
const DEADLINE_MS = 15000;
const form = document.getElementById('listener-form');
const status = document.getElementById('status');

function showStatus(message, error) {
  status.textContent = message;
  status.className = error ? 'status error' : 'status';
}

function table(result) {
  const section = document.createElement('div');
  section.className = 'result';
  section.dataset.query = result.query;
  const title = document.createElement('h2');
  title.textContent = result.query + ' (' + result.row_count + (result.row_count === 1 ? ' row)' : ' rows)');
  const cql = document.createElement('pre');
  cql.textContent = result.cql;
  const tableElement = document.createElement('table');
  const headRow = document.createElement('tr');
  result.columns.forEach(c => { const th = document.createElement('th'); th.textContent = c; headRow.appendChild(th); });
  const head = document.createElement('thead');
  head.appendChild(headRow);
  const body = document.createElement('tbody');
  result.rows.forEach(row => {
    const tr = document.createElement('tr');
    result.columns.forEach(c => {
      const td = document.createElement('td');
      td.textContent = row[c] === null ? 'null' : String(row[c]);
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  tableElement.append(head, body);
  section.append(title, cql, tableElement);
  return section;
}

async function run() {
  const params = new URLSearchParams(new FormData(form));
  history.replaceState(null, '', '/listener?' + params);
  showStatus('running…', false);
  try {
    const response = await fetch('/api/listener?' + params, {signal: AbortSignal.timeout(DEADLINE_MS), cache: 'no-store'});
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || response.statusText);
    }
    document.getElementById('results').replaceChildren(...Object.values(body).map(table));
    showStatus('done', false);
  } catch (e) {
    document.getElementById('results').replaceChildren();
    showStatus(e.message, true);
  }
}

form.addEventListener('submit', event => { event.preventDefault(); run(); });
const given = new URLSearchParams(location.search);
['name', 'date', 'hour'].forEach(field => { if (given.has(field)) { document.getElementById(field).value = given.get(field); } });
if (form.checkValidity() && given.has('name')) {
  run();
}
