// The query page (/query): the chosen example goes into the editor; Run posts it to the endpoint and shows
// the result as a table. Served as a file so that the page runs under a policy that allows no inline script.
const q = document.getElementById('query'), sel = document.getElementById('examples');
q.value = sel.options.length ? sel.value : 'SELECT * { ?s ?p ?o } LIMIT 10';
sel.addEventListener('change', () => { q.value = sel.value; });
function cell(b) {
  if (!b) return document.createTextNode('');
  if (b.type === 'uri') {
    const a = document.createElement('a');
    a.href = b.value.startsWith('https://w3id.org/treaty-graph/') ? '/' + b.value.substring(30) : b.value;
    a.textContent = b.value; return a;
  }
  return document.createTextNode(b.value + (b['xml:lang'] ? ' @' + b['xml:lang'] : ''));
}
document.getElementById('run').addEventListener('click', async () => {
  const status = document.getElementById('status'), out = document.getElementById('results');
  status.textContent = 'running…'; out.textContent = '';
  const t0 = performance.now();
  try {
    const r = await fetch('/treaties/sparql', { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json' },
      body: new URLSearchParams({ query: q.value }) });
    const text = await r.text();
    if (!r.ok) { status.textContent = 'error ' + r.status; const pre = document.createElement('pre'); pre.textContent = text; out.appendChild(pre); return; }
    const json = JSON.parse(text);
    if ('boolean' in json) { status.textContent = String(json.boolean); return; }
    const vars = json.head.vars, rows = json.results.bindings;
    const table = document.createElement('table'), head = table.insertRow();
    vars.forEach(v => { const th = document.createElement('th'); th.textContent = v; head.appendChild(th); });
    rows.forEach(b => { const tr = table.insertRow(); vars.forEach(v => tr.insertCell().appendChild(cell(b[v]))); });
    out.appendChild(table);
    status.textContent = rows.length + ' rows, ' + Math.round(performance.now() - t0) + ' ms';
  } catch (e) { status.textContent = 'error: ' + e; }
});
