/* ENACT map: what the keyboard needs around the points layer (inlined before points_layer.js by
 * enact_dash.maps.points.PointsLayer).
 *
 *  - fitClear(map, bounds, pad): fitBounds with `pad` pixels around the points (more than half a
 *    marker), inside the part of the map that the controls in its top corners (legend, zoom buttons)
 *    leave free: for each control, the framing goes below it or beside it, whichever zooms in further.
 *  - keepClear(map, node): pans the map so that a focused marker under one of those controls comes
 *    out from under it (a focus ring no one can see is no focus ring).
 *  - arrangeFocus(map, groups, row): the focusable markers of `groups` in reading order (rows of
 *    `row` pixels, top to bottom, then left to right); those out of the map's view leave the tab order.
 *  - announceChoice(id, target): tells the page that holds the map (the map is in a frame) that point
 *    `id` was chosen with the keyboard; the page moves the focus to the element `target` once it shows
 *    that point (enact_dash.ui.page, FOCUS_ON_CHOICE_JS).
 *  - focusWithoutScroll(map): a mouse press focuses the map without scrolling the page around it.
 */
(function () {
  "use strict";
  if (window.EnactMapKeys) {
    return;
  }
  var GAP = 12;  // px between a control and what is framed or focused beside it

  // The controls in the map's top corners, as boxes in container pixels (left, top, right, bottom).
  function topControls(map) {
    var container = map.getContainer(), origin = container.getBoundingClientRect(), boxes = [];
    container.querySelectorAll(".leaflet-top .leaflet-control").forEach(function (control) {
      var r = control.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) {
        boxes.push({ left: r.left - origin.left, top: r.top - origin.top,
                     right: r.right - origin.left, bottom: r.bottom - origin.top });
      }
    });
    return boxes;
  }

  function fitClear(map, bounds, pad) {
    var size = map.getSize(), boxes = topControls(map), best = null;
    for (var mask = 0; mask < (1 << boxes.length); mask++) {
      var tl = L.point(pad, pad), br = L.point(pad, pad);
      for (var b = 0; b < boxes.length; b++) {
        var box = boxes[b];
        if (!(mask & (1 << b))) {  // below it
          tl.y = Math.max(tl.y, box.bottom + pad);
        } else if (box.left < size.x / 2) {  // beside it, on the left
          tl.x = Math.max(tl.x, box.right + pad);
        } else {  // beside it, on the right
          br.x = Math.max(br.x, size.x - box.left + pad);
        }
      }
      var room = size.subtract(tl).subtract(br);
      if (room.x < 2 * pad || room.y < 2 * pad) {
        continue;
      }
      var zoom = map.getBoundsZoom(bounds, false, tl.add(br));
      if (!best || zoom > best.zoom) {
        best = { zoom: zoom, tl: tl, br: br };
      }
    }
    if (best) {
      map.fitBounds(bounds, { paddingTopLeft: best.tl, paddingBottomRight: best.br });
    } else {  // a map too small for its controls: the plain padding
      map.fitBounds(bounds, { padding: [pad, pad] });
    }
  }

  function keepClear(map, node) {
    if (map._enactClearing) {  // the focus that the redraw after our own pan gives back
      return;
    }
    var origin = map.getContainer().getBoundingClientRect(), r = node.getBoundingClientRect();
    var size = map.getSize();
    var box = { left: r.left - origin.left, top: r.top - origin.top,
                right: r.right - origin.left, bottom: r.bottom - origin.top };
    var over = topControls(map).filter(function (c) {
      return box.left < c.right && box.right > c.left && box.top < c.bottom && box.bottom > c.top;
    })[0];
    if (!over) {
      return;
    }
    var down = over.bottom + GAP - box.top;  // the marker moves down, below the control
    var side = over.left < size.x / 2 ? over.right + GAP - box.left : over.left - GAP - box.right;
    map._enactClearing = true;  // panBy without animation redraws (moveend) before it returns
    try {
      map.panBy(box.bottom + down <= size.y ? [0, -down] : [-side, 0], { animate: false });
    } finally {
      map._enactClearing = false;
    }
  }

  function arrangeFocus(map, groups, row) {
    var size = map.getSize(), items = [];
    groups.forEach(function (group) {
      group.eachLayer(function (layer) {
        var node = layer.getElement && layer.getElement();
        if (!node) {
          return;
        }
        var p = map.latLngToContainerPoint(layer.getLatLng());
        node.tabIndex = p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y ? 0 : -1;
        items.push({ node: node, row: Math.floor(p.y / row), x: p.x });
      });
    });
    items.sort(function (a, b) { return a.row - b.row || a.x - b.x; });
    // Document order is tab order. The focused node stays where it is (moving it would drop the focus):
    // the others go before and after it.
    var pane = map.getPane("markerPane"), active = document.activeElement, at = -1;
    for (var k = 0; k < items.length; k++) {
      if (items[k].node === active) {
        at = k;
      }
    }
    if (at < 0) {
      items.forEach(function (item) { pane.appendChild(item.node); });
      return;
    }
    for (var before = 0; before < at; before++) {
      pane.insertBefore(items[before].node, active);
    }
    var previous = active;
    for (var after = at + 1; after < items.length; after++) {
      pane.insertBefore(items[after].node, previous.nextSibling);
      previous = items[after].node;
    }
  }

  function announceChoice(id, target) {
    var origin = window.location.origin;
    if (!target || window.parent === window || !origin || origin === "null") {
      return;
    }
    window.parent.postMessage({ type: "enact:chosen", id: id, target: target }, origin);
  }

  // Leaflet's keyboard handler focuses the map on a mouse press, then puts back the scroll of the map's
  // own document only. In a frame (Streamlit's), the focus scrolled the page around it to show the whole
  // map when its bottom was below the screen's edge: between the press and the release, so that the
  // click landed elsewhere and was lost (a cluster did not zoom). The map is focused without scrolling.
  function focusWithoutScroll(map) {
    var keyboard = map.keyboard;
    if (!keyboard || !keyboard.enabled() || keyboard._enactNoScroll) {
      return;
    }
    keyboard.disable();  // its listeners are bound to the method: unbound with the old one, then rebound
    keyboard._onMouseDown = function () {
      if (!this._focused) {
        this._map.getContainer().focus({ preventScroll: true });
      }
    };
    keyboard._enactNoScroll = true;
    keyboard.enable();
  }

  window.EnactMapKeys = {
    fitClear: fitClear, keepClear: keepClear, arrangeFocus: arrangeFocus, announceChoice: announceChoice,
    focusWithoutScroll: focusWithoutScroll
  };
})();
