// The query page (/query): YASGUI (@zazuko/yasgui, installed from npm at build time and served as
// /assets/yasgui.min.js) on this server's endpoint. A file, since the pages' policy allows no inline script.
// What the page is given (the endpoint, the project's prefixes, where the graph's IRIs are served, the query
// a permalink opened) comes in the data- attributes of #yasgui. Without this script the page is a plain form.
(function () {
  'use strict';
  const root = document.getElementById('yasgui');
  if (!root || typeof Yasgui === 'undefined') return;
  const conf = root.dataset;
  const prefixes = JSON.parse(conf.prefixes);
  const endpoint = new URL(conf.endpoint, location.href).href;
  const text = document.getElementById('query-text').value;
  const Yasr = Yasgui.Yasr, Yasqe = Yasgui.Yasqe;
  const esc = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  /** An IRI of the graph as the address of its page on this server; any other IRI as it is. */
  const local = iri => iri.startsWith(conf.base) ? conf.local + iri.substring(conf.base.length) : iri;

  // Completion offers the project's prefixes (and adds the PREFIX line of one typed without it). YASQE's own
  // class and property completers ask lov.linkeddata.es, which the page may not reach (and should not).
  Yasqe.forkAutocompleter('prefixes', {
    name: 'projectPrefixes', persistenceId: null,
    get: () => Object.keys(prefixes).sort().map(p => p + ': <' + prefixes[p] + '>')
  }, false);
  Yasqe.defaults.autocompleters = ['projectPrefixes', 'variables'];

  // The table shows each IRI of the graph with its label beside it, linked to its page here. The labels come
  // from one more query, for the IRIs of the answer; without them the table is drawn all the same.
  const labels = new Map();
  const IRI = /^[^<>"{}|^`\\\s]+$/;
  async function fetchLabels(results) {
    const rows = results && results.getBindings ? results.getBindings() : null;
    if (!rows) return;
    const wanted = new Set();
    for (const row of rows) {
      for (const v in row) {
        const b = row[v];
        if (b && b.type === 'uri' && b.value.startsWith(conf.base) && !labels.has(b.value) && IRI.test(b.value)) wanted.add(b.value);
      }
      if (wanted.size >= 1000) break;
    }
    if (!wanted.size) return;
    const query = 'SELECT ?s ?label WHERE { VALUES ?s { ' + [...wanted].map(i => '<' + i + '>').join(' ')
      + ' } ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }';
    try {
      const r = await fetch(endpoint, {
        method: 'POST', body: new URLSearchParams({ query }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' }
      });
      if (!r.ok) return;
      for (const b of (await r.json()).results.bindings) {
        const lang = b.label['xml:lang'] || '';
        if (!labels.has(b.s.value) || lang === '' || lang === 'en') labels.set(b.s.value, b.label.value);
      }
    } catch (e) {
      // the labels are an extra: the table goes without them
    }
  }
  const Table = Yasr.plugins.table;
  class LabelledTable extends Table {
    async draw(config) {
      await fetchLabels(this.yasr.results);
      return super.draw(config);
    }
    getUriLinkFromBinding(binding, queryPrefixes) {
      const iri = binding.value;
      let shown = null;
      for (const p in queryPrefixes || {}) {
        if (iri.startsWith(queryPrefixes[p])) { shown = p + ':' + iri.substring(queryPrefixes[p].length); break; }
      }
      const href = local(iri);
      const away = href === iri ? ' target="_blank" rel="noopener noreferrer"' : '';
      const link = '<a class="iri" href="' + esc(href) + '"' + away + '>' + esc(shown || iri) + '</a>';
      const label = labels.get(iri);
      return (shown ? link : '&lt;' + link + '&gt;') + (label ? ' <span class="label">' + esc(label) + '</span>' : '');
    }
  }
  Yasr.registerPlugin('table', LabelledTable);

  // An error that names a place in the query ("line 3, column 7", as Jena's parser says) marks that place in
  // the editor, and offers to take the cursor there.
  let marks = [];
  const clearMarks = () => { marks.forEach(m => m()); marks = []; };
  Yasr.defaults.errorRenderers = [function (error) {
    const tab = yasgui.getTab(), yasqe = tab && tab.getYasqe();
    const at = /line (\d+), column (\d+)/.exec((error && error.text) || '');
    if (!at || !yasqe) return undefined;
    clearMarks();
    const doc = yasqe.getDoc(), line = Math.min(+at[1] - 1, doc.lastLine());
    const lineText = doc.getLine(line) || '';
    const ch = Math.min(Math.max(+at[2] - 1, 0), lineText.length);
    const token = (/^\S+/.exec(lineText.substring(ch)) || [''])[0];
    if (token) {
      const mark = doc.markText({ line, ch }, { line, ch: ch + token.length }, { className: 'query-error-at' });
      marks.push(() => mark.clear());
    }
    yasqe.addLineClass(line, 'background', 'query-error-line');
    marks.push(() => yasqe.removeLineClass(line, 'background', 'query-error-line'));
    const box = document.createElement('div');
    box.className = 'query-error';
    const p = document.createElement('p');
    p.textContent = 'The endpoint refused the query' + (error.status ? ' (HTTP ' + error.status + ')' : '') + ' at line ' + at[1] + ', column ' + at[2] + ', marked in the editor. ';
    const go = document.createElement('button');
    go.type = 'button';
    go.textContent = 'Go there';
    go.addEventListener('click', () => { yasqe.focus(); doc.setCursor({ line, ch }); });
    p.appendChild(go);
    const pre = document.createElement('pre');
    pre.textContent = error.text;
    box.append(p, pre);
    return box;
  }];

  // Downloads in every format the endpoint writes for the kind of answer shown: links to the endpoint with the
  // query and format=, beside YASR's own download of what it shows.
  const FORMATS = {
    rows: [['json', 'JSON', 'srj'], ['xml', 'XML', 'srx'], ['csv', 'CSV', 'csv'], ['tsv', 'TSV', 'tsv']],
    graph: [['ttl', 'Turtle', 'ttl'], ['nt', 'N-Triples', 'nt'], ['json-ld', 'JSON-LD', 'jsonld'], ['xml', 'RDF/XML', 'rdf']]
  };
  function downloads(yasr) {
    const old = yasr.headerEl.querySelector('.query-downloads');
    if (old) old.remove();
    const results = yasr.results, link = yasr.config.getPlainQueryLinkToEndpoint && yasr.config.getPlainQueryLinkToEndpoint();
    if (!results || !link || results.getError()) return;
    const graph = results.getType() === 'ttl';
    const box = document.createElement('div');
    box.className = 'query-downloads';
    box.append('Download: ');
    for (const [format, label, suffix] of FORMATS[graph ? 'graph' : 'rows']) {
      const a = document.createElement('a');
      const url = new URL(link, location.href);
      url.searchParams.set('format', format);
      a.href = url.href;
      a.download = 'query-results.' + suffix;
      a.textContent = label;
      box.append(a, ' ');
    }
    yasr.headerEl.insertBefore(box, yasr.downloadBtn || null);
  }
  const updateExportHeaders = Yasr.prototype.updateExportHeaders;
  Yasr.prototype.updateExportHeaders = function () {
    updateExportHeaders.call(this);
    downloads(this);
  };

  // A shared link is a permalink to this page: /query?query=…, which opens the query and runs it.
  Yasgui.Tab.prototype.getShareableLink = function () {
    return new URL(conf.page + '?query=' + encodeURIComponent(this.getQuery()), location.href).href;
  };

  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint, method: 'POST' },
    endpointCatalogueOptions: { getData: () => [{ endpoint }], keys: [] },
    copyEndpointOnNewTab: false,
    populateFromUrl: false,   // the server put the permalink's query in the form; it is opened below
    persistenceId: 'treaty-graph',
    autofocus: false,
    // contenteditable rather than a hidden textarea: screen readers read the query, and the editor's scrolling
    // area holds the focusable text (CodeMirror's advice for accessibility).
    yasqe: { value: text, inputStyle: 'contenteditable', screenReaderLabel: 'SPARQL query' },
    yasr: { prefixes }
  });
  // Each kind of answer in its own view: rows as the table, a graph (CONSTRUCT, DESCRIBE) as Turtle.
  yasgui.on('query', (instance, tab) => {
    clearMarks();
    const type = tab.getYasqe().getQueryType();
    tab.getYasr().selectedPlugin = type === 'CONSTRUCT' || type === 'DESCRIBE' ? 'response' : type === 'ASK' ? 'boolean' : 'table';
  });
  document.getElementById('plain-query').hidden = true;

  // What YASGUI leaves without a name for assistive technology gets one. Its add-tab button sits inside the tab
  // list, where only tabs belong: it is hidden (query.css) and a button beside the list does its work.
  const named = { '.tableSizer': 'Rows per page', '.tabsList input': 'Name of this tab', '.yasqe_sharePopup input': 'Link to this query',
    '.yasr_results .CodeMirror textarea': 'The answer as the endpoint sent it' };
  const name = () => {
    for (const selector in named) root.querySelectorAll(selector).forEach(e => e.hasAttribute('aria-label') || e.setAttribute('aria-label', named[selector]));
  };
  name();
  new MutationObserver(name).observe(root, { childList: true, subtree: true });
  const tabs = root.querySelector('.tabsList');
  if (tabs) {
    const bar = document.createElement('div'), add = document.createElement('button');
    bar.className = 'query-tabs';
    add.type = 'button';
    add.className = 'query-new-tab';
    add.textContent = '+';
    add.title = 'New tab';
    add.setAttribute('aria-label', 'New tab');
    add.addEventListener('click', () => yasgui.addTab(true));
    tabs.before(bar);
    bar.append(tabs, add);
  }

  if (conf.run === 'true') {
    // A tab that holds the query already is reused (getQuery() fails on a tab not shown yet: its stored value).
    const open = yasgui.persistentConfig.getTabs().map(id => yasgui.getTab(id)).find(t => t && t.getPersistedJson().yasqe.value === text);
    const tab = open ? yasgui.selectTabId(open.getId()) : yasgui.addTab(true, conf.name ? { name: conf.name, yasqe: { value: text } } : { yasqe: { value: text } });
    tab.query().catch(() => {});
  }
})();
