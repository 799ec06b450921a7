// The map page (map.jte): Leaflet over Natural Earth's countries (world-atlas, from the build: no tile
// server unless the configuration names one), a marker for each territory with coordinates, coloured by
// its state on the chosen day from /map.json, a popup with what holds of it and a link to its page; the
// slider moves the day, redraws the markers and the list beside the map, and keeps the day in the address.
// Without this script the page is the list and a form that asks for another day.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !window.L || !window.topojson) return;
  var map = L.map(el, {zoomSnap: 0.5, worldCopyJump: false, attributionControl: true});
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  map.setView([41, 44], 5);
  var tiles = el.getAttribute('data-tiles');
  if (tiles) L.tileLayer(tiles, {maxZoom: 12}).addTo(map);
  var places = L.layerGroup().addTo(map);
  var fitted = false;

  fetch('/assets/countries-50m.json').then(function (r) { return r.json(); }).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    var base = L.geoJSON(countries, {
      interactive: false,
      style: function () { return {className: 'map-country', weight: 0.6, fillOpacity: 1}; }
    }).addTo(map);
    base.bringToBack();
    map.attributionControl.addAttribution('Natural Earth (world-atlas); borders of today, for orientation');
  });

  var words = {held: 'held by', assigned: 'assigned to', claimed: 'claimed by', within: 'within'};

  function relationItem(r) {
    var li = document.createElement('li');
    li.appendChild(document.createTextNode((words[r.relation] || r.relation + ':') + ' '));
    li.appendChild(link(r.polityHref, r.polityLabel));
    if (r.certainty === 'possible') li.appendChild(document.createTextNode(' (possibly: a bound is uncertain)'));
    if (r.actLabel) {
      li.appendChild(document.createTextNode(' — '));
      li.appendChild(link(r.actHref, r.actLabel));
    }
    return li;
  }

  function link(href, text) {
    if (!href) return document.createTextNode(text || '');
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  // The change that concerns a place on the day, "from X to Y" (map-change.jte writes the same): the records give
  // polities no coordinates, so no arrow can be drawn from the losing to the gaining polity.
  function change(c) {
    var span = document.createElement('span');
    span.className = 'change change-' + c.kind;
    span.setAttribute('data-kind', c.kind);
    var kind = document.createElement('span');
    kind.className = 'change-kind';
    kind.textContent = c.kind === 'assignment' ? 'assigned by an instrument' : 'control changed';
    span.appendChild(kind);
    [['from', c.from], ['to', c.to]].forEach(function (side) {
      if (!side[1].length) return;
      span.appendChild(document.createTextNode(' ' + side[0] + ' '));
      side[1].forEach(function (p, i) {
        if (i) span.appendChild(document.createTextNode(' and '));
        span.appendChild(link(p.href, p.text));
      });
    });
    span.appendChild(document.createTextNode(' (' + c.when + ': '));
    span.appendChild(link(c.change.href, c.change.text));
    if (c.instrument) {
      span.appendChild(document.createTextNode(', '));
      span.appendChild(link(c.instrument.href, c.instrument.text));
    }
    span.appendChild(document.createTextNode(')'));
    return span;
  }

  function changeWords(c) {
    var names = function (ps) { return ps.map(function (p) { return p.text; }).join(' and '); };
    return '; ' + (c.kind === 'assignment' ? 'assigned by an instrument' : 'control changed')
        + (c.from.length ? ' from ' + names(c.from) : '') + (c.to.length ? ' to ' + names(c.to) : '');
  }

  // Clicking a place opens its history: the popup says what holds of it and what changed, and links to its
  // page's history strip.
  function popup(t) {
    var div = document.createElement('div');
    var h = document.createElement('p');
    h.appendChild(link(t.href, t.label));
    h.appendChild(document.createTextNode(': ' + t.stateWords));
    div.appendChild(h);
    var ul = document.createElement('ul');
    t.relations.forEach(function (r) { ul.appendChild(relationItem(r)); });
    if (t.relations.length) div.appendChild(ul);
    t.changes.forEach(function (c) {
      var p = document.createElement('p');
      p.appendChild(change(c));
      div.appendChild(p);
    });
    var more = document.createElement('p');
    var a = link(t.href + '#history-strip', 'Its history, 1917–1925');
    a.className = 'history-link';
    more.appendChild(a);
    div.appendChild(more);
    return div;
  }

  function draw(data) {
    places.clearLayers();
    var list = document.getElementById('map-places');
    if (list) list.textContent = '';
    var bounds = [];
    data.territories.forEach(function (t) {
      var claimedByOther = t.relations.some(function (r) { return r.relation === 'claimed'; }) && t.state !== 'claimed';
      var marker = L.circleMarker([t.lat, t.long], {
        radius: 8, weight: claimedByOther ? 3 : 2,
        className: 'map-place state-' + t.state + (claimedByOther ? ' also-claimed' : '')
            + t.changes.map(function (c) { return ' change-' + c.kind; }).join('') + ' place-' + t.id.replace(/[^a-z0-9]+/g, '-')
      });
      marker.bindTooltip(t.label + ': ' + t.stateWords + t.changes.map(changeWords).join(''));
      marker.bindPopup(popup(t));
      marker.on('click', function () { marker.openPopup(); });
      marker.addTo(places);
      var path = marker.getElement && marker.getElement();
      if (path) {
        path.setAttribute('data-id', t.id);
        path.setAttribute('data-state', t.state);
      }
      bounds.push([t.lat, t.long]);
      if (list) {
        var li = document.createElement('li');
        li.className = 'state-' + t.state;
        li.setAttribute('data-id', t.id);
        li.setAttribute('data-state', t.state);
        li.appendChild(link(t.href, t.label));
        li.appendChild(document.createTextNode(': '));
        var s = document.createElement('span');
        s.className = 'state';
        s.textContent = t.stateWords;
        li.appendChild(s);
        t.changes.forEach(function (c) {
          li.appendChild(document.createElement('br'));
          li.appendChild(change(c));
        });
        if (t.relations.length) {
          var ul = document.createElement('ul');
          t.relations.forEach(function (r) { ul.appendChild(relationItem(r)); });
          li.appendChild(ul);
        }
        list.appendChild(li);
      }
    });
    if (!fitted && bounds.length) {
      map.fitBounds(bounds, {padding: [30, 30], maxZoom: 7});
      fitted = true;
    }
    el.setAttribute('data-date', data.date);
    el.setAttribute('data-drawn', String(data.territories.length));
  }

  function show(day) {
    return fetch('/map.json?date=' + day).then(function (r) {
      if (!r.ok) throw new Error('/map.json answered ' + r.status);
      return r.json();
    }).then(draw);
  }

  // The slider: a day of 1917–1925; moving it names the day, letting go shows it.
  var slider = document.getElementById('map-slider');
  var output = document.getElementById('map-slider-day');
  var input = document.getElementById('map-date');
  var heading = document.querySelector('h1');
  var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  function dayOf(index) {
    var from = slider.getAttribute('data-from').split('-');
    var d = new Date(Date.UTC(+from[0], +from[1] - 1, +from[2]) + index * 86400000);
    return d.toISOString().slice(0, 10);
  }
  function inWords(iso) {
    var p = iso.split('-');
    return (+p[2]) + ' ' + months[+p[1] - 1] + ' ' + p[0];
  }
  if (slider) {
    slider.parentNode.hidden = false;
    slider.addEventListener('input', function () { output.textContent = inWords(dayOf(+slider.value)); });
    slider.addEventListener('change', function () {
      var day = dayOf(+slider.value);
      input.value = day;
      output.textContent = inWords(day);
      heading.textContent = 'Map: the territories on ' + inWords(day);
      history.replaceState(null, '', '/map?date=' + day);
      show(day);
    });
  }
  show(el.getAttribute('data-json').split('date=')[1]);
})();
