// The small map on an entity's page (entity.jte): Leaflet over Natural Earth's countries, as on /map, with a
// marker for each place of the entity's GeoJSON (its own point, or the territories whose history names it),
// each linking to its page and to its history there. Without this script the section keeps its link to the GeoJSON.
(function () {
  'use strict';
  var el = document.getElementById('place-map');
  if (!el || !window.L || !window.topojson) return;
  var map = L.map(el, {zoomSnap: 0.5, scrollWheelZoom: false});
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  map.setView([41, 44], 5);
  fetch('/assets/countries-50m.json').then(function (r) { return r.json(); }).then(function (world) {
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      interactive: false,
      style: function () { return {className: 'map-country', weight: 0.6, fillOpacity: 1}; }
    }).addTo(map).bringToBack();
    map.attributionControl.addAttribution('Natural Earth (world-atlas); borders of today, for orientation');
  });
  fetch(el.getAttribute('data-geojson'), {headers: {Accept: 'application/geo+json'}}).then(function (r) { return r.json(); }).then(function (data) {
    var layer = L.geoJSON(data, {
      filter: function (f) { return f.geometry; },
      pointToLayer: function (f, at) {
        return L.circleMarker(at, {radius: 7, className: 'place-marker', weight: 2, fillOpacity: 0.8});
      },
      onEachFeature: function (f, marker) {
        // The feature's id is the territory's public IRI; its page is on this server under the same path. The
        // popup names it, linked to its page, and links to its history there, as /map's popups do.
        var href = String(f.id).replace(/^https:\/\/w3id\.org\/treaty-graph\//, '/');
        var div = document.createElement('div');
        var name = document.createElement('a');
        name.href = href;
        name.textContent = f.properties.label || f.id;
        var history = document.createElement('a');
        history.href = href + '#history-strip';
        history.className = 'history-link';
        history.textContent = 'Its history, 1917–1925';
        var p = document.createElement('p');
        p.appendChild(history);
        div.appendChild(name);
        div.appendChild(p);
        marker.bindPopup(div);
        marker.bindTooltip(f.properties.label || f.id);
      }
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, {maxZoom: 7, padding: [20, 20]});
  });
}());
