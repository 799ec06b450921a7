// The search box in every page's header (layout.jte): as one types, suggestions from /search.json in a
// listbox that follows the ARIA combobox pattern (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
// Down and Up move through them, Enter opens the one chosen (or, with none chosen, the /search page),
// Escape closes them. Without this script the box is a plain form that opens /search.
(function () {
  'use strict';
  const input = document.getElementById('site-search-q');
  if (!input || !window.fetch) return;
  const WAIT_MS = 150, LIMIT = 8;
  const list = document.createElement('ul');
  list.id = 'site-search-list';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  const status = document.createElement('p');   // read out by screen readers, not shown
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  input.form.append(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let hits = [], active = -1, timer = 0, pending = null;

  function open() {
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    select(-1);
  }

  function select(i) {
    active = i;
    list.querySelectorAll('[role=option]').forEach((li, n) => li.setAttribute('aria-selected', String(n === i)));
    if (i < 0) {
      input.removeAttribute('aria-activedescendant');
    } else {
      const li = document.getElementById('site-search-option-' + i);
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({block: 'nearest'});
    }
  }

  function part(cls, text) {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = text;
    return span;
  }

  function show(found) {
    hits = found;
    list.replaceChildren(...found.map((hit, i) => {
      const li = document.createElement('li');
      li.id = 'site-search-option-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.append(part('label', hit.label), ' ', part('kind', hit.kind));
      if (hit.date) li.append(' ', part('date', hit.date));
      if (hit.altLabel) li.append(' ', part('also', 'also called “' + hit.altLabel + '”'));
      li.addEventListener('mousedown', e => e.preventDefault());   // the box keeps the focus
      li.addEventListener('click', () => go(hit));
      return li;
    }));
    status.textContent = found.length === 0 ? 'No suggestions' : found.length + (found.length === 1 ? ' suggestion' : ' suggestions') + '; the arrow keys choose one';
    select(-1);
    open();
  }

  function go(hit) {
    window.location.assign(hit.url);
  }

  function ask() {
    const q = input.value.trim();
    if (pending) pending.abort();
    if (q === '') {
      hits = [];
      close();
      return;
    }
    pending = new AbortController();
    fetch('/search.json?limit=' + LIMIT + '&q=' + encodeURIComponent(q), {signal: pending.signal, headers: {Accept: 'application/json'}})
      .then(r => (r.ok ? r.json() : null))
      .then(answer => {
        if (answer && input.value.trim() === q) show(answer.hits);
      })
      .catch(e => {
        if (e.name !== 'AbortError') status.textContent = 'Suggestions are unavailable';
      });
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, WAIT_MS);
  });
  input.addEventListener('keydown', e => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) {
        open();
        if (list.hidden) return;
      }
      const n = hits.length;
      select(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
    } else if (e.key === 'Enter') {
      if (!list.hidden && active >= 0) {
        e.preventDefault();
        go(hits[active]);
      }   // else the form goes to /search
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      } else {
        input.value = '';
      }
    }
  });
  input.addEventListener('blur', close);
  input.addEventListener('focus', () => {
    if (hits.length && input.value.trim() !== '') open();
  });
})();
