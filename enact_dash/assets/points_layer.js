/* ENACT points layer.
 *
 * Decodes the compact columnar payload written by enact_dash/maps/payload.py and shows one canvas
 * marker per point (shape + colour per category), clustered at low zoom. Two clustering modes:
 *  - "grid" (default): points are bucketed on a pixel grid for the current zoom and only what is in
 *    view is drawn; O(n) per zoom/pan, markers created lazily. Co-located points (same city) form a
 *    cluster whose click lists them.
 *  - "markercluster": Leaflet.markercluster with chunked loading (slower to build at 10k points).
 * Tooltips and popups are built lazily with DOM APIs (textContent), never from HTML strings of data.
 * The keyboard reaches every point (grid mode): clusters are buttons, and each single point drawn has
 * a transparent button over it (a "handle": the canvas cannot take the focus) named after it, which
 * shows its name as the mouse's hover does. A point chosen with the keyboard (a handle, or a name in
 * a cluster's list) is announced to the page (enact_dash/assets/map_keyboard.js, announceChoice).
 * Inlined into the map script by enact_dash.maps.points.PointsLayer, after map_keyboard.js.
 */
(function () {
  "use strict";
  if (window.EnactPoints) {
    return;
  }

  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-.";
  var DIGIT = new Int8Array(128);
  for (var a = 0; a < 64; a++) {
    DIGIT[ALPHABET.charCodeAt(a)] = a;
  }
  var SAFE_URL = /^https?:\/\/[^\s<>"']+$/i;
  var LIST_LIMIT = 50;

  function ints(col) {
    var w = col.w, s = col.s, n = s.length / w, out = new Int32Array(n), p = 0;
    for (var i = 0; i < n; i++) {
      var v = 0;
      for (var k = 0; k < w; k++) {
        v = v * 64 + DIGIT[s.charCodeAt(p++)];
      }
      out[i] = v;
    }
    return out;
  }

  function coords(col) {
    var codes = ints(col), out = new Float64Array(codes.length);
    for (var i = 0; i < codes.length; i++) {
      out[i] = (col.o + codes[i]) / 10000;
    }
    return out;
  }

  function textColumn(col) {
    var prefix = col.p || "", suffix = col.x || "";
    var codes = col.d ? ints(col) : null, dict = col.d, values = col.v;
    return function (i) {
      var v = codes ? dict[codes[i]] : values[i];
      return v ? prefix + v + suffix : "";
    };
  }

  // streamlit-folium reads a clicked layer's tooltip through innerHTML: keep tooltip strings escaped.
  function escapeHtml(s) {
    return String(s)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  // An address as a reader reads it: letters outside ASCII decoded ("Universit%C3%A9" -> "Université"),
  // encoded ASCII and invisible characters left encoded (as enact_dash.sources.readable_url does).
  function readableUrl(url) {
    return url.replace(/(?:%[0-9A-Fa-f]{2})+/g, function (run) {
      var text;
      try {
        text = decodeURIComponent(run);
      } catch (e) {
        return run;
      }
      return Array.from(text).map(function (ch) {
        return ch.charCodeAt(0) > 127 && !/[\p{C}\p{Z}]/u.test(ch) ? ch : encodeURIComponent(ch);
      }).join("");
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // A CircleMarker drawn as a polygon (unit vertices scaled by the radius) on a canvas renderer.
  var ShapeMarker = L.CircleMarker.extend({
    _updateBounds: function () {
      var r = this._radius * (this.options.extent || 1) + this._clickTolerance();
      this._pxBounds = new L.Bounds(this._point.subtract([r, r]), this._point.add([r, r]));
    },
    _updatePath: function () {
      var shape = this.options.shape, renderer = this._renderer;
      if (!shape || !shape.length || !renderer._ctx) {
        L.CircleMarker.prototype._updatePath.call(this);
        return;
      }
      if (!renderer._drawing || this._empty()) {
        return;
      }
      var ctx = renderer._ctx, p = this._point, r = this._radius;
      ctx.beginPath();
      ctx.moveTo(p.x + shape[0] * r, p.y + shape[1] * r);
      for (var i = 2; i < shape.length; i += 2) {
        ctx.lineTo(p.x + shape[i] * r, p.y + shape[i + 1] * r);
      }
      ctx.closePath();
      renderer._fillStroke(ctx, this);
    }
  });

  function clusterSize(count) {
    return count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 48;
  }

  // `aside`: the icon drawn up and to the right of its place, clear of the selected point's marker and
  // ring at the same place (a cluster icon, above the canvas, hid the selected point under it).
  function clusterIcon(count, opts, aside) {
    var size = clusterSize(count);
    var title = escapeHtml(opts.clusterTitle.replace("{n}", String(count)));
    var shift = aside ? Math.ceil((size / 2 + opts.radius + 10) / Math.SQRT2) : 0;
    return L.divIcon({
      html: '<span title="' + title + '">' + count + "</span>",
      className: "enact-cluster",
      iconSize: L.point(size, size),
      iconAnchor: L.point(size / 2 - shift, size / 2 + shift)
    });
  }

  // Bucket the points in view on a grid of `cell` pixels at the current zoom; draw clusters as DOM
  // icons and single points as canvas markers. Redone on every zoomend / moveend (O(n)).
  // `pinned` (a point index or -1) is never clustered: the selected point stays visible.
  // A cluster is a button for the keyboard too (Leaflet gives it tabindex and role): its name says its
  // size and what it does ("12 partenaires — zoomer"), and Enter or Space does what a click does.
  // `hooks`: markerFor(i), onClusterClick, clusterZooms, and on an interactive map handles (a layer)
  // and handleFor(i), the focusable button over a single point.
  function gridClusters(map, parent, group, pts, opts, hooks, pinned) {
    var markerFor = hooks.markerFor, onClusterClick = hooks.onClusterClick, clusterZooms = hooks.clusterZooms;
    var handles = hooks.handles;
    var n = pts.lat.length, wx = new Float64Array(n), wy = new Float64Array(n);
    for (var i = 0; i < n; i++) {  // Web Mercator world pixels at zoom 0 (what L.CRS.EPSG3857 does)
      var s = Math.sin(pts.lat[i] * Math.PI / 180);
      wx[i] = 256 * (0.5 + pts.lon[i] / 360);
      wy[i] = 256 * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI));
    }
    var clusters = L.featureGroup();
    parent.addLayer(clusters);
    clusters.on("click", function (e) {
      if (e.layer && e.layer._enactMembers) {
        onClusterClick(e.layer._enactMembers, e.layer.getLatLng(), null);
      }
    });

    function onClusterKey(ev) {
      if (ev.key !== "Enter" && ev.key !== " " && ev.key !== "Spacebar") {
        return;
      }
      L.DomEvent.stop(ev);  // not a page scroll (Space), not the map's own keys
      var marker = this;
      onClusterClick(marker._enactMembers, marker.getLatLng(), marker.getElement());
    }
    // A focused cluster comes out from under the legend (not while the clusters are redrawn: the
    // focus given back then is not the visitor's move).
    var redrawing = false;
    function onClusterFocus() {
      if (!redrawing) {
        window.EnactMapKeys.keepClear(map, this.getElement());
      }
    }
    var shown = new Map();  // point index -> marker on the map

    // A single point at (almost) the selected point's place is drawn up and to the right of it, clear of
    // its ring, where the pointer and the eye find it; anywhere else at its own place. Its keyboard
    // button follows it.
    function place(index, aside, zoom, scale) {
      var marker = markerFor(index), where = L.latLng(pts.lat[index], pts.lon[index]);
      if (aside) {
        var d = Math.ceil((2 * opts.radius + 10) / Math.SQRT2);
        where = map.unproject(L.point(wx[index] * scale + d, wy[index] * scale - d), zoom);
      }
      if (!marker.getLatLng().equals(where)) {
        marker.setLatLng(where);
        if (handles) {
          hooks.handleFor(index).setLatLng(where);
        }
      }
    }

    function update() {
      redrawing = true;
      try {
        redraw();
      } finally {
        redrawing = false;
      }
    }

    function redraw() {
      var zoom = map.getZoom(), scale = map.options.crs.scale(zoom) / 256, cell = opts.cellSize;
      var view = map.getPixelBounds(), pad = Math.max(view.getSize().x, view.getSize().y) * 0.25;
      var minX = view.min.x - pad, minY = view.min.y - pad, maxX = view.max.x + pad, maxY = view.max.y + pad;
      var buckets = new Map();
      for (var i = 0; i < n; i++) {
        var x = wx[i] * scale, y = wy[i] * scale;
        if (i === pinned || x < minX || x > maxX || y < minY || y > maxY) {
          continue;
        }
        var key = Math.floor(x / cell) * 4194304 + Math.floor(y / cell);
        var members = buckets.get(key);
        if (members) {
          members.push(i);
        } else {
          buckets.set(key, [i]);
        }
      }
      // Grid cells next to each other can have centres a few pixels apart: merge the groups whose
      // centres are closer than `merge` pixels, biggest first (a few hundred groups at most in view).
      var groups = [];
      buckets.forEach(function (members) {
        var sx = 0, sy = 0;
        for (var k = 0; k < members.length; k++) {
          sx += wx[members[k]];
          sy += wy[members[k]];
        }
        groups.push({ members: members, x: sx * scale / members.length, y: sy * scale / members.length });
      });
      groups.sort(function (a, b) { return b.members.length - a.members.length; });
      var merged = [], merge2 = opts.mergeDistance * opts.mergeDistance;
      for (var g = 0; g < groups.length; g++) {
        var group_ = groups[g], into = null;
        for (var m = 0; m < merged.length && groups.length <= 3000; m++) {
          var dx = merged[m].x - group_.x, dy = merged[m].y - group_.y;
          if (dx * dx + dy * dy < merge2) {
            into = merged[m];
            break;
          }
        }
        if (into) {
          var total = into.members.length + group_.members.length;
          into.x = (into.x * into.members.length + group_.x * group_.members.length) / total;
          into.y = (into.y * into.members.length + group_.y * group_.members.length) / total;
          into.members = into.members.concat(group_.members);
        } else {
          merged.push(group_);
        }
      }
      // A cluster that has the keyboard focus keeps it when the clusters are redrawn (after a pan).
      var focused = document.activeElement, refocus = null;
      clusters.eachLayer(function (layer) {
        if (focused && layer.getElement() === focused) {
          refocus = layer.getLatLng();
        }
      });
      clusters.clearLayers();
      var keep = new Set(pinned >= 0 ? [pinned] : []);
      var pinX = pinned >= 0 ? wx[pinned] * scale : 0, pinY = pinned >= 0 ? wy[pinned] * scale : 0;
      var crowded = new Set(), overlap = 2 * opts.radius + 8;
      merged.forEach(function (item) {
        var members = item.members;
        if (members.length === 1) {
          keep.add(members[0]);
          if (pinned >= 0 && Math.abs(item.x - pinX) < overlap && Math.abs(item.y - pinY) < overlap) {
            crowded.add(members[0]);  // under the selected point's marker: drawn beside it
          }
          return;
        }
        var sumLat = 0, sumLon = 0;
        for (var k = 0; k < members.length; k++) {
          sumLat += pts.lat[members[k]];
          sumLon += pts.lon[members[k]];
        }
        var label = opts.clusterTitle.replace("{n}", String(members.length));
        var name = opts.interactive === false ? label  // a static map's cluster does nothing: its size only
          : (clusterZooms(members) ? opts.clusterZoom : opts.clusterList).replace("{label}", label);
        // Not interactive (a kiosk): no click, and no tabindex or role (Leaflet's `keyboard` option).
        var reach = clusterSize(members.length) / 2 + opts.radius + 6;
        var aside = pinned >= 0 && Math.abs(item.x - pinX) < reach && Math.abs(item.y - pinY) < reach;
        var marker = L.marker([sumLat / members.length, sumLon / members.length], {
          icon: clusterIcon(members.length, opts, aside),
          title: name,
          alt: "",
          interactive: opts.interactive !== false,
          keyboard: opts.interactive !== false
        });
        marker._enactMembers = members;
        clusters.addLayer(marker);
        var node = marker.getElement();
        if (node) {
          node.setAttribute("aria-label", name);
          L.DomEvent.on(node, "keydown", onClusterKey, marker);
          L.DomEvent.on(node, "focus", onClusterFocus, marker);
          if (refocus && marker.getLatLng().equals(refocus)) {
            node.focus({ preventScroll: true });
          }
        }
      });
      shown.forEach(function (marker, index) {
        if (!keep.has(index)) {
          group.removeLayer(marker);
          if (handles) {
            handles.removeLayer(hooks.handleFor(index));
          }
          shown.delete(index);
        }
      });
      keep.forEach(function (index) {
        if (index !== pinned) {
          place(index, crowded.has(index), zoom, scale);
        }
        if (!shown.has(index)) {
          var marker = markerFor(index);
          group.addLayer(marker);
          if (handles) {
            handles.addLayer(hooks.handleFor(index));
          }
          shown.set(index, marker);
        }
      });
      if (pinned >= 0 && shown.has(pinned)) {
        // Drawn last: a point at the same place, added after it, covered it (its ring around another's
        // symbol).
        shown.get(pinned).bringToFront();
        map.fire("enact:pinnedfront");
      }
      if (handles) {
        window.EnactMapKeys.arrangeFocus(map, [clusters, handles], opts.cellSize);
      }
    }

    map.on("moveend", function () {
      update();
      map.getContainer().setAttribute("data-enact-zoom", String(map.getZoom()));
    });
    update();
    map.getContainer().setAttribute("data-enact-zoom", String(map.getZoom()));
  }

  function build(map, parent, data, opts) {
    var n = data.n;
    var pts = { lat: coords(data.lat), lon: coords(data.lon) };
    var cat = ints(data.c), ids = data.id, titles = data.t, cats = opts.categories;
    var fields = data.f.map(function (col, k) {
      return { label: opts.fields[k].label, link: opts.fields[k].kind === "link", get: textColumn(col) };
    });
    var canvas = map.options.preferCanvas ? undefined : (map._enactCanvas = map._enactCanvas || L.canvas({ tolerance: 3 }));
    var container = map.getContainer();
    var markers = new Array(n);

    function markerFor(i) {
      if (!markers[i]) {
        var c = cats[cat[i]];
        markers[i] = new ShapeMarker([pts.lat[i], pts.lon[i]], {
          renderer: canvas,
          radius: opts.radius,
          shape: c.shape,
          extent: c.extent,
          color: opts.outline,
          weight: 1.5,
          opacity: 1,
          fillColor: c.color,
          fillOpacity: 1,
          interactive: opts.interactive !== false
        });
        markers[i]._enactIndex = i;
      }
      return markers[i];
    }

    function popupContent(i) {
      var root = el("div", "enact-popup");
      root.appendChild(el("div", "enact-popup-title", titles[i]));
      var list = el("dl");
      function row(label, value, link) {
        if (!value) {
          if (link || !opts.unknown) {
            return;
          }
          value = opts.unknown;
          link = false;
        }
        list.appendChild(el("dt", null, label));
        var dd = el("dd");
        if (link && SAFE_URL.test(value)) {
          var anchor = el("a", null, readableUrl(value.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, "")));
          anchor.href = value;
          anchor.target = "_blank";
          anchor.rel = "noopener noreferrer";
          dd.appendChild(anchor);
        } else {
          dd.textContent = value;
        }
        list.appendChild(dd);
      }
      if (opts.categoryLabel) {
        row(opts.categoryLabel, cats[cat[i]].label, false);
      }
      for (var k = 0; k < fields.length; k++) {
        row(fields[k].label, fields[k].get(i), fields[k].link);
      }
      root.appendChild(list);
      return root;
    }

    function ready() {
      container.setAttribute("data-enact-points", "ready");
      map.fire("enact:pointsready", { count: n });
    }

    var selected = opts.selected === null || opts.selected === undefined ? -1 : ids.indexOf(opts.selected);
    var useMarkerCluster = opts.clustering === "markercluster" && L.markerClusterGroup;
    var group = useMarkerCluster
      ? L.markerClusterGroup({
          chunkedLoading: true,
          chunkProgress: function (done, total) {
            if (done === total) {
              ready();
            }
          },
          showCoverageOnHover: false,
          spiderfyOnMaxZoom: true,
          removeOutsideVisibleBounds: true,
          maxClusterRadius: opts.cellSize,
          iconCreateFunction: function (cluster) {
            return clusterIcon(cluster.getChildCount(), opts);
          }
        })
      : L.featureGroup();
    parent.addLayer(group);
    container.setAttribute("data-enact-points", "loading");

    function showName(m) {
      if (!m.getTooltip()) {
        m.bindTooltip(escapeHtml(titles[m._enactIndex]), { direction: "top", offset: [0, -opts.radius] });
      }
      m.openTooltip();
    }
    group.on("mouseover", function (e) {
      if (e.layer && e.layer._enactIndex !== undefined) {
        showName(e.layer);
      }
    });

    // The keyboard's way to a single point: a transparent button over its canvas marker (the mouse
    // goes through it to the canvas), named "<title> — show details"; Enter or Space chooses the point,
    // Escape closes its popup. Focused, it shows the point's name as a hover does, and comes out from
    // under the legend.
    var handles = opts.interactive === false ? null : new Array(n);
    var handleLayer = handles ? L.featureGroup() : null;
    if (handles) {
      window.EnactMapKeys.focusWithoutScroll(map);
    }
    function onPointKey(ev) {
      if (ev.key === "Enter" || ev.key === " " || ev.key === "Spacebar") {
        L.DomEvent.stop(ev);
        selectPoint(this._enactPoint, true);
      } else if (ev.key === "Escape" && map.hasLayer(popup)) {
        L.DomEvent.stop(ev);
        map.closePopup(popup);
      }
    }
    function handleFor(i) {
      if (!handles[i]) {
        var size = 2 * opts.radius + 8;
        var handle = L.marker([pts.lat[i], pts.lon[i]], {
          icon: L.divIcon({ className: "enact-point", iconSize: L.point(size, size), html: "" }),
          interactive: false,
          keyboard: true
        });
        handle._enactPoint = i;
        handle.on("add", function () {
          var node = handle.getElement();
          // split/join, not replace: a "$&" in a name is text, not a replacement pattern.
          node.setAttribute("aria-label", opts.pointName.split("{title}").join(titles[i]));
          L.DomEvent.on(node, "keydown", onPointKey, handle);
          // A screen reader activates a button with a click, not a key; the pointer passes through this
          // button to the canvas marker, so a click here never comes from a mouse.
          L.DomEvent.on(node, "click", function (ev) {
            L.DomEvent.stop(ev);
            selectPoint(i, true);
          });
          L.DomEvent.on(node, "focus", function () {
            window.EnactMapKeys.keepClear(map, node);
            showName(markerFor(i));
          });
          L.DomEvent.on(node, "blur", function () {
            markerFor(i).closeTooltip();
          });
        });
        handles[i] = handle;
      }
      return handles[i];
    }

    // A popup that Leaflet's pan into view leaves under the legend (top right) moves down, clear of it,
    // when the map has the room: after that pan (animated: on its end), or at once when there was none.
    var autopanning = false;
    map.on("autopanstart", function () {
      autopanning = true;
    });
    map.on("popupopen", function (e) {
      // Escape closes a popup from inside it too (Leaflet only listens while the map itself has focus).
      var own = e.popup.getElement();
      if (own && !own._enactEscape) {
        own._enactEscape = true;
        L.DomEvent.on(own, "keydown", function (ev) {
          if (ev.key === "Escape" && map.hasLayer(e.popup)) {
            L.DomEvent.stop(ev);
            map.closePopup(e.popup);
          }
        });
      }
      var clear = function () {
        autopanning = false;
        var legend = container.querySelector(".enact-legend");
        var box = e.popup.getElement();
        if (!legend || !box || !map.hasLayer(e.popup)) {
          return;
        }
        var l = legend.getBoundingClientRect();
        var p = box.getBoundingClientRect();
        var m = container.getBoundingClientRect();
        if (p.left >= l.right || p.right <= l.left || p.top >= l.bottom || p.bottom <= l.top) {
          return;
        }
        var down = Math.min(l.bottom + 8 - p.top, m.bottom - 24 - p.bottom);
        if (down > 0) {
          map.panBy([0, -down], { animate: false });
        }
      };
      if (autopanning) {
        map.once("moveend", clear);
      } else {
        clear();
      }
    });

    // At most 320 px of text, less on a narrow map (a phone): the whole popup, with its frame (about
    // 46 px) and the pan's margins, fits across the map.
    var fitted = function (p) {
      p.options.maxWidth = Math.max(160, Math.min(320, map.getSize().x - 100));
      return p;
    };
    var popup = L.popup({ autoPanPadding: [24, 24] });
    var clicks = 0;
    group.on("click", function (e) {
      var m = e.layer;
      if (!m || m._enactIndex === undefined) {
        return;
      }
      var id = ids[m._enactIndex];
      fitted(popup).setLatLng(m.getLatLng()).setContent(popupContent(m._enactIndex)).openOn(map);
      container.setAttribute("data-enact-selected", id);
      // streamlit-folium handles the click on the layer after this handler and reports the popup it
      // finds; report the point id instead, once its handler has run. The click's number goes with it
      // ("ul#3", with the time: a rebuilt map counts again from 1), so that clicking the same point
      // again (after choosing another partner elsewhere) is a new value, which the page sees.
      clicks += 1;
      var reported = id + "#" + Date.now() + "." + clicks;
      Promise.resolve().then(function () {
        var state = window.__GLOBAL_DATA__;
        if (state) {
          state.last_object_clicked_popup = reported;
        }
      });
    });

    // Same as clicking the marker itself (so streamlit-folium sees it too). Chosen with the keyboard
    // (`fromKey`), the point is announced to the page, which moves the focus to what shows it.
    function selectPoint(i, fromKey) {
      var m = markerFor(i);
      group.fire("click", { layer: m, sourceTarget: m, propagatedFrom: m, latlng: m.getLatLng() });
      if (fromKey) {
        window.EnactMapKeys.announceChoice(ids[i], opts.chosenFocus);
      }
    }

    function clusterBounds(members) {
      return L.latLngBounds(members.map(function (i) { return [pts.lat[i], pts.lon[i]]; }));
    }

    // Whether a cluster's points separate when zooming in (else they are at one place).
    function clusterZooms(members) {
      var bounds = clusterBounds(members), maxZoom = map.getMaxZoom();
      var spread = map.project(bounds.getNorthEast(), maxZoom).distanceTo(map.project(bounds.getSouthWest(), maxZoom));
      return spread >= opts.cellSize && map.getZoom() < maxZoom;
    }

    // A cluster whose points never separate (same place) lists its members; otherwise zoom in.
    // `fromKey`: the cluster's element when the keyboard chose it; the focus then follows (to the map
    // after the zoom, whose clusters are new; into the list, and back to the cluster when it closes).
    // The zoom frames the cluster's points where no control (the legend) covers them.
    function onClusterClick(members, latlng, fromKey) {
      if (clusterZooms(members)) {
        if (fromKey) {
          map.once("moveend", function () {
            container.focus({ preventScroll: true });
          });
        }
        window.EnactMapKeys.fitClear(map, clusterBounds(members), 40);
        return;
      }
      var root = el("div", "enact-popup");
      root.appendChild(el("div", "enact-popup-title", opts.clusterTitle.replace("{n}", String(members.length))));
      var list = el("ul", "enact-popup-list");
      members.slice(0, LIST_LIMIT).forEach(function (i) {
        var item = el("li");
        var button = el("button", "enact-popup-item", titles[i]);
        button.type = "button";
        button.addEventListener("click", function (ev) {
          // The popup content is replaced below: keep the click from reaching the map, which would
          // no longer see it came from a popup and close it.
          L.DomEvent.stop(ev);
          var fromKey = ev.detail === 0;  // Enter or Space (or a screen reader), not a pointer
          selectPoint(i, fromKey);
          var shown = fromKey && popup.getElement() && popup.getElement().querySelector(".enact-popup");
          if (shown) {  // the button is gone with the list: the focus stays in the popup until the page moves it
            shown.tabIndex = -1;
            shown.focus({ preventScroll: true });
          }
        });
        item.appendChild(button);
        list.appendChild(item);
      });
      root.appendChild(list);
      if (members.length > LIST_LIMIT) {
        root.appendChild(el("div", "enact-popup-more", opts.moreText.replace("{n}", String(members.length - LIST_LIMIT))));
      }
      fitted(popup).setLatLng(latlng).setContent(root).openOn(map);
      if (fromKey) {
        var first = root.querySelector("button");
        if (first) {
          first.focus({ preventScroll: true });
        }
        popup.once("remove", function () {
          // The pan that brought the popup into view redrew the clusters: find this one again.
          var back = document.body.contains(fromKey) ? fromKey : null;
          map.eachLayer(function (layer) {
            if (!back && layer._enactMembers && layer.getLatLng().equals(latlng)) {
              back = layer.getElement();
            }
          });
          if (back) {
            back.focus({ preventScroll: true });
          }
        });
      }
    }

    if (useMarkerCluster) {
      var all = new Array(n);
      for (var i = 0; i < n; i++) {
        all[i] = markerFor(i);
      }
      group.addLayers(all);
      if (n === 0) {
        ready();
      }
    } else {
      if (handleLayer) {
        parent.addLayer(handleLayer);
      }
      gridClusters(map, parent, group, pts, opts, {
        markerFor: markerFor, onClusterClick: onClusterClick, clusterZooms: clusterZooms,
        handles: handleLayer, handleFor: handleFor
      }, selected);
      ready();
    }

    if (selected >= 0) {
      var at = [pts.lat[selected], pts.lon[selected]];
      var ring = L.circleMarker(at, {
        renderer: canvas,
        radius: opts.radius + 6,
        color: opts.highlight,
        weight: 3,
        fill: false,
        interactive: false
      }).addTo(parent);
      map.on("enact:pinnedfront", function () {
        ring.bringToFront();
      });
      // Opened once the rest of the map's script has run: the legend, added after this layer, is
      // there to be kept clear of.
      setTimeout(function () {
        fitted(L.popup({ autoPanPadding: [24, 24] })).setLatLng(at).setContent(popupContent(selected)).openOn(map);
      }, 0);
      container.setAttribute("data-enact-selected", opts.selected);
    }
    return group;
  }

  window.EnactPoints = { build: build, escapeHtml: escapeHtml, ShapeMarker: ShapeMarker };
})();
