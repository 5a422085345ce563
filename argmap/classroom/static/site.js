/* argmap classroom site: diagram <-> essay highlighting. Plain script, no dependencies, nothing fetched.
 *
 * A page carries its data in <script type="application/json" id="argmap-data">. Diagram nodes are SVG
 * <g class="node"> elements whose id is the node's key in data.nodes (a map page: "P1"; a comparison:
 * "bankruptcy--P1" or "claim--russia-silent"). Essay passages are <mark data-nodes="P1 T">.
 *
 * Selecting a node (click, Enter, or the URL fragment #node=ID) highlights its quote in the essay and
 * scrolls to it; selecting a passage (click on it, or selecting text) outlines its nodes in the diagram
 * and lists them in the panel.
 */
(function () {
  "use strict";

  var source = document.getElementById("argmap-data");
  if (!source) { return; }
  var data = JSON.parse(source.textContent);
  var nodes = data.nodes || {};
  var diagram = document.getElementById("diagram");
  var svg = diagram ? diagram.querySelector("svg") : null;
  var panel = document.getElementById("panel");
  var essay = document.getElementById("essay");
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-nodes]"));
  var KINDS = { thesis: "thesis", premise: "premise", conclusion: "conclusion", evidence: "evidence",
                objection: "objection", assumption: "assumption (unstated)", claim: "claim both essays make" };

  function lines(n) { return n + (n === 1 ? " line" : " lines") + " of support"; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function shape(id) {
    if (!svg || !Object.prototype.hasOwnProperty.call(nodes, id)) { return null; }
    var found = document.getElementById(id);
    return found && svg.contains(found) ? found : null;
  }

  function idsOf(mark) {
    return (mark.getAttribute("data-nodes") || "").split(" ").filter(Boolean);
  }

  function clear() {
    marks.forEach(function (m) { m.classList.remove("hl", "passage"); });
    if (svg) {
      Array.prototype.forEach.call(svg.querySelectorAll(".sel"), function (g) { g.classList.remove("sel"); });
    }
  }

  function nodeLink(id, label) {
    var a = el("a", "ref", label || id);
    a.href = "#node=" + id;
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(id); });
    return a;
  }

  function line(box, label, items, asLinks) {
    if (!items || !items.length) { return; }
    var p = el("p", "rel");
    p.appendChild(el("span", "label", label + " "));
    items.forEach(function (item, i) {
      if (i) { p.appendChild(document.createTextNode(", ")); }
      if (asLinks) {
        item.split(" + ").forEach(function (part, j) {
          if (j) { p.appendChild(document.createTextNode(" + ")); }
          p.appendChild(nodes[part] ? nodeLink(part) : document.createTextNode(part));
        });
      } else {
        p.appendChild(document.createTextNode(item));
      }
    });
    box.appendChild(p);
  }

  function describe(id) {
    var n = nodes[id];
    var box = el("div", "node-info");
    var head = el("p", "head");
    if (n.kind === "claim") { head.appendChild(el("b", null, "A claim both essays make")); }
    else {
      head.appendChild(el("span", "ref", n.node || id));
      head.appendChild(document.createTextNode(" " + (KINDS[n.kind] || n.kind) + (n.map ? " · " + n.map : "")));
    }
    box.appendChild(head);
    if (n.kind === "claim") {
      box.appendChild(el("p", "text", n.wording));
      if (n.relation === "contradict") { box.appendChild(el("p", "flag", "The essays contradict each other: one affirms it, the other denies it.")); }
      if (n.relation === "differ") { box.appendChild(el("p", "flag", "The essays answer this differently; they do not contradict each other.")); }
      if (n.relation === "tension") { box.appendChild(el("p", "flag", "One essay’s evidence sits uneasily with the other’s claim; neither essay debates it.")); }
      if (n.links) { box.appendChild(el("p", "muted", "One of the shared claims that connect the two arguments most (most routes between them pass through it).")); }
      n.mentions.forEach(function (m) {
        var p = el("p", "mention");
        var a = el("a", "ref", m.map + " " + m.node);
        a.href = m.href;
        p.appendChild(a);
        p.appendChild(document.createTextNode(" "));
        p.appendChild(m.quote ? el("q", null, m.quote) : el("i", null, "(unstated) " + m.text));
        if (m.stance === "denies") { p.appendChild(el("span", "flag", " denies")); }
        box.appendChild(p);
      });
      return box;
    }
    box.appendChild(el("p", "text", n.text));
    if (n.quote) { box.appendChild(el("q", "quote", n.quote)); }
    else { box.appendChild(el("p", "muted", "Unstated: the essay needs this premise but never writes it.")); }
    if (n.claimWording) {
      box.appendChild(el("p", "muted", "Shared claim" + (n.stance === "denies" ? " (denied)" : "") + ": " +
                                       n.claimWording));
    }
    (n.alsoIn || []).forEach(function (o) {
      var p = el("p", "muted");
      var a = el("a", null, "See it in the comparison with " + o.map);
      a.href = o.href;
      p.appendChild(a);
      box.appendChild(p);
    });
    line(box, "Supports", n.supports, true);
    line(box, "Supported by", n.supportedBy, true);
    line(box, "Attacks", n.attacks, true);
    line(box, "Attacked by", n.attackedBy, true);
    line(box, "Source cited:", n.citations, false);
    if (n.loadBearing) {
      box.appendChild(el("p", "flag", "Load-bearing: rejecting it leaves the thesis with no support."));
    } else if (n.linesBroken) {
      var txt = "Rejecting it breaks " + n.linesBroken + " of the thesis’s " + lines(data.lines);
      box.appendChild(el("p", "impact", txt + (n.cuts.length ? " and leaves " + n.cuts.join(", ") +
                                                             " unsupported." : ".")));
    } else if (n.cuts && n.cuts.length) {
      box.appendChild(el("p", "impact", "Rejecting it leaves " + n.cuts.join(", ") + " unsupported (the thesis " +
                                         "keeps its " + lines(data.lines) + ")."));
    }
    if (n.uncited) { box.appendChild(el("p", "flag", "Rests on no cited evidence.")); }
    if (n.note) { box.appendChild(el("p", "note", "Note: " + n.note)); }
    if (n.href) {
      var p2 = el("p");
      var a2 = el("a", null, "Open it beside the essay");
      a2.href = n.href;
      p2.appendChild(a2);
      box.appendChild(p2);
    }
    return box;
  }

  function show(children) {
    if (!panel) { return; }
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    children.forEach(function (c) { panel.appendChild(c); });
  }

  function remember(hash) {
    try { history.replaceState(null, "", hash); } catch (e) { /* some file:// contexts refuse; harmless */ }
  }

  function select(id, fromDiagram) {
    if (!Object.prototype.hasOwnProperty.call(nodes, id)) { return false; }
    clear();
    var g = shape(id);
    if (g) {
      g.classList.add("sel");
      if (!fromDiagram) { reveal(g); }
    }
    var hits = marks.filter(function (m) { return idsOf(m).indexOf(id) >= 0; });
    hits.forEach(function (m) { m.classList.add("hl"); });
    if (hits.length) { hits[0].scrollIntoView({ block: "center", inline: "nearest" }); }
    show([describe(id)]);
    remember("#node=" + id);
    document.body.setAttribute("data-selected", id);
    return true;
  }

  function reveal(g) {
    // Scroll the diagram pane (only) so that the node is in view.
    if (!diagram) { return; }
    var box = diagram.getBoundingClientRect();
    var r = g.getBoundingClientRect();
    diagram.scrollLeft += (r.left + r.width / 2) - (box.left + box.width / 2);
    diagram.scrollTop += (r.top + r.height / 2) - (box.top + box.height / 2);
  }

  function passage(ids, picked) {
    clear();
    picked.forEach(function (m) { m.classList.add("passage"); });
    ids.forEach(function (id) { var g = shape(id); if (g) { g.classList.add("sel"); } });
    var head = el("p", "head", ids.length === 1 ? "This passage makes one node:" :
                                 "This passage makes " + ids.length + " nodes:");
    var list = el("ul", "passage-nodes");
    ids.forEach(function (id) {
      var li = el("li");
      li.appendChild(nodeLink(id));
      li.appendChild(document.createTextNode(" " + (KINDS[nodes[id].kind] || "") + ": " + nodes[id].text));
      list.appendChild(li);
    });
    show([head, list]);
    var first = ids.length ? shape(ids[0]) : null;
    if (first) { reveal(first); }
    document.body.setAttribute("data-passage", ids.join(" "));
  }

  // Diagram nodes: click or keyboard.
  if (svg) {
    Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
      if (!Object.prototype.hasOwnProperty.call(nodes, g.id)) { return; }
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.addEventListener("click", function (ev) { ev.preventDefault(); select(g.id, true); });
      g.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(g.id, true); }
      });
    });
  }

  // Essay passages: click one, or select text across several.
  marks.forEach(function (m) {
    m.addEventListener("click", function () {
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed) { return; }
      passage(idsOf(m), [m]);
    });
  });
  if (essay) {
    essay.addEventListener("mouseup", function () {
      var sel = window.getSelection();
      if (!sel || sel.isCollapsed) { return; }
      var picked = marks.filter(function (m) { return sel.containsNode(m, true); });
      var ids = [];
      picked.forEach(function (m) { idsOf(m).forEach(function (i) { if (ids.indexOf(i) < 0) { ids.push(i); } }); });
      if (picked.length) { passage(ids, picked); }
      else { show([el("p", "muted", "No node quotes the selected text.")]); }
    });
  }

  // Zoom and pan. The diagram opens at the zoom where its smallest text is READABLE px (or fitted to the pane,
  // if that is larger); + and − zoom by a quarter around the pane's centre, ctrl+wheel around the pointer,
  // "whole" fits the pane; dragging moves the diagram.
  var READABLE = 11;
  var zoom = 1;
  var base = null;
  if (svg && diagram) {
    var vb = svg.viewBox && svg.viewBox.baseVal;
    var sizes = Array.prototype.map.call(svg.querySelectorAll("text[font-size]"), function (t) {
      return parseFloat(t.getAttribute("font-size"));
    }).filter(function (x) { return x > 0; });
    var attr = svg.getAttribute("width") || "";
    var unit = vb && vb.width ? parseFloat(attr) * (/pt$/.test(attr) ? 4 / 3 : 1) / vb.width : 1;
    base = { width: vb && vb.width ? vb.width * unit : svg.getBoundingClientRect().width,
             smallest: (sizes.length ? Math.min.apply(null, sizes) : 14) * unit };
  }
  function setZoom(z, cx, cy) {
    if (!base) { return; }
    var old = zoom;
    var px = cx === undefined ? diagram.clientWidth / 2 : cx;
    var py = cy === undefined ? diagram.clientHeight / 2 : cy;
    var x = (diagram.scrollLeft + px) / old, y = (diagram.scrollTop + py) / old;
    zoom = Math.max(0.05, Math.min(8, z));
    svg.style.width = Math.round(base.width * zoom) + "px";
    svg.style.height = "auto";
    diagram.scrollLeft = x * zoom - px;
    diagram.scrollTop = y * zoom - py;
    document.body.setAttribute("data-diagram-zoom", zoom.toFixed(3));
    document.body.setAttribute("data-text-px", (base.smallest * zoom).toFixed(1));
  }
  var readable = base ? (READABLE + 0.05) / base.smallest : 1;
  var fitted = base && diagram ? diagram.clientWidth / base.width : 1;
  if (base) {
    svg.removeAttribute("height");
    setZoom(Math.max(readable, fitted), 0, 0);
    diagram.scrollTop = 0;
  }
  Array.prototype.forEach.call(document.querySelectorAll("button[data-zoom]"), function (b) {
    b.addEventListener("click", function () {
      var how = b.getAttribute("data-zoom");
      setZoom(how === "fit" ? diagram.clientWidth / base.width : zoom * (how === "in" ? 1.25 : 0.8));
    });
  });
  if (diagram && base) {
    diagram.addEventListener("wheel", function (ev) {
      if (!ev.ctrlKey) { return; }
      ev.preventDefault();
      var r = diagram.getBoundingClientRect();
      setZoom(zoom * (ev.deltaY < 0 ? 1.1 : 1 / 1.1), ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });
    var drag = null;
    diagram.addEventListener("pointerdown", function (ev) {
      if (ev.button !== 0) { return; }
      drag = { x: ev.clientX, y: ev.clientY, left: diagram.scrollLeft, top: diagram.scrollTop, moved: false };
    });
    window.addEventListener("pointermove", function (ev) {
      if (!drag) { return; }
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) { drag.moved = true; diagram.classList.add("dragging"); }
      diagram.scrollLeft = drag.left - dx;
      diagram.scrollTop = drag.top - dy;
    });
    window.addEventListener("pointerup", function () {
      if (drag && drag.moved) {
        // A drag is not a click on the node it ends over.
        window.addEventListener("click", function stop(ev) { ev.stopPropagation(); ev.preventDefault(); }, { capture: true, once: true });
      }
      drag = null;
      diagram.classList.remove("dragging");
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-show]"), function (b) {
    b.addEventListener("click", function () {
      var ids = data[b.getAttribute("data-show")] || [];
      var on = !b.classList.contains("on");
      b.classList.toggle("on", on);
      ids.forEach(function (id) { var g = shape(id); if (g) { g.classList.toggle("marked", on); } });
    });
  });

  // In-page links and the URL fragment: #node=ID selects ID (links from other pages land here).
  function fromHash() {
    var m = /^#node=(.+)$/.exec(window.location.hash);
    if (m) { select(decodeURIComponent(m[1])); }
  }
  window.addEventListener("hashchange", fromHash);
  Array.prototype.forEach.call(document.querySelectorAll('a[href^="#node="]'), function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      select(decodeURIComponent(a.getAttribute("href").slice(6)));
      if (diagram && diagram.scrollIntoView && data.page === "compare") { diagram.scrollIntoView({ block: "start" }); }
    });
  });
  fromHash();
  // A comparison opens fitted on its two theses (side by side on the diagram's top row), never smaller than
  // READABLE: the reader starts from what the essays claim.
  function fitTheses(ids) {
    var found = ids.map(shape).filter(Boolean);
    if (!found.length || !base) { return false; }
    var frame = svg.getBoundingClientRect();
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity;
    found.forEach(function (g) {
      var r = g.getBoundingClientRect();
      x0 = Math.min(x0, (r.left - frame.left) / zoom); x1 = Math.max(x1, (r.right - frame.left) / zoom);
      y0 = Math.min(y0, (r.top - frame.top) / zoom);
    });
    var margin = 24;
    setZoom(Math.min(3, Math.max(readable, (diagram.clientWidth - 2 * margin) / (x1 - x0))), 0, 0);
    diagram.scrollLeft = (x0 + x1) / 2 * zoom - diagram.clientWidth / 2;
    diagram.scrollTop = Math.max(0, y0 * zoom - margin);
    document.body.setAttribute("data-fitted", ids.join(" "));
    return true;
  }
  if (!/^#node=/.test(window.location.hash) && data.theses) { fitTheses(data.theses); }
  if (!/^#node=/.test(window.location.hash) && data.thesis && shape(data.thesis)) {
    reveal(shape(data.thesis));
    diagram.scrollTop = 0;  // the title and the thesis, at the top, stay in view
  }
  document.body.setAttribute("data-ready", "1");
}());
