"""``argmap preview``: a page on 127.0.0.1 that redraws a map each time its file is saved.

A watcher thread polls the map file, its essay and its claim registry (modification
time and size, every :data:`POLL_SECONDS`).  On a change it checks the map and
builds a :class:`PreviewState`: the diagram (SVG) when the map is valid, the
located errors and warnings, and the coverage of the essay.  The page listens on
a Server-Sent Events stream (``/events``) and replaces its content with each new
state; ``/state.json`` answers the current state.  Only the standard library is
used (``http.server``); the diagram needs Graphviz's ``dot`` like every diagram.

The page shows the essay beside the diagram: selecting a passage makes a node, and
relations, undercuts, claims and undo are a click away.  Those edits are posted to
``/edit`` and carried out by :mod:`argmap.previewedit` (only from the page served,
with its per-session token, over loopback, and only to this one map file).

>>> from argmap.corpus import bundled_maps_dir
>>> state = preview_state(bundled_maps_dir() / "enforcer.yaml", version=1, render=False)
>>> state.ok, state.map, state.errors
(True, 'enforcer', [])
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .errors import ArgmapError

__all__ = ["POLL_SECONDS", "PreviewServer", "PreviewState", "preview_state", "serve_preview"]

POLL_SECONDS = 0.2
_KEEPALIVE_SECONDS = 10.0


@dataclass(frozen=True)
class PreviewState:
    """What the page shows after one save."""

    version: int
    ok: bool
    map: str | None = None
    title: str | None = None
    svg: str | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    coverage: list[str] = field(default_factory=list)
    essay: str | None = None
    """The essay's text, for selecting passages (None when the map names none or it cannot be read)."""
    nodes: list[dict[str, Any]] = field(default_factory=list)
    """Each node's id, kind, text, claim and suggested claims, read leniently from the file."""
    relations: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, str]] = field(default_factory=list)
    """The registry's claims (id, wording), to bind nodes to."""


def preview_state(map_file: Path, *, version: int, claims: Path | None = None, render: bool = True) -> PreviewState:
    """Check ``map_file`` and describe it for the page (``render=False`` skips the diagram)."""
    from .corpus import check_corpus
    from .coverage import coverage_line, map_coverage

    corpus, diags = check_corpus([map_file], claims)
    errors = [str(d) for d in diags if d.severity == "error"]
    warnings = [str(d) for d in diags if d.severity == "warning"]
    editing = _editing(map_file, claims)
    if corpus is None or not corpus.maps:
        return PreviewState(version, False, errors=errors or [f"{map_file}: no map"], warnings=warnings, **editing)
    gm = next(iter(corpus.maps.values()))
    report = map_coverage(gm)
    cover = [coverage_line(report)] + [f"uncovered {report.mark}{p.number} (line {p.line}): {p.text[:90]}"
                                        for p in report.uncovered]
    svg = None
    if render:
        from .render import map_svg

        try:
            svg = map_svg(gm).decode("utf-8")
        except ArgmapError as exc:
            errors.append(f"diagram: {exc.message}")
    return PreviewState(version, not errors, gm.id, gm.model.title, svg, errors, warnings, cover, **editing)


def _editing(map_file: Path, claims: Path | None) -> dict[str, Any]:
    """What the page needs to edit the map: the essay, the nodes and relations, the registry's claims."""
    from .confine import EssayReader, decode_essay
    from .mapedit import outline
    from .previewedit import claim_suggestions

    try:
        text = map_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    shape = outline(text)
    essay = None
    if shape.source is not None:
        try:
            essay = decode_essay(EssayReader().read(map_file.parent, shape.source))
        except (OSError, UnicodeDecodeError):
            essay = None
    registry = _registry(claims or map_file.parent / "claims.yaml")
    return {"essay": essay,
            "nodes": [{"id": n.id, "kind": n.kind, "text": n.text, "claim": n.claim,
                       "suggested": claim_suggestions(n.text, registry)} for n in shape.nodes],
            "relations": [{"index": r.index, "id": r.id, "label": r.label} for r in shape.relations],
            "claims": [{"id": c, "wording": w} for c, w in registry]}


def _registry(path: Path) -> list[tuple[str, str]]:
    """The registry's (id, wording) pairs, or none when it is missing or broken (validate reports that)."""
    from .yamlsafe import YamlError, read_yaml_file

    if not path.is_file():
        return []
    try:
        data = read_yaml_file(str(path)).data
    except YamlError:
        return []
    items = data.get("claims") if isinstance(data, dict) else None
    return [(str(c["id"]), str(c.get("wording", ""))) for c in items or [] if isinstance(c, dict) and "id" in c]


def _stamp(paths: list[Path]) -> tuple[tuple[int, int] | None, ...]:
    out: list[tuple[int, int] | None] = []
    for p in paths:
        try:
            st = p.stat()
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


def _watched(map_file: Path, claims: Path | None) -> list[Path]:
    """The map, its essay (when the map names one) and its registry."""
    import re

    paths = [map_file, claims or map_file.parent / "claims.yaml"]
    try:
        found = re.search(r"^\s+path:\s*['\"]?([^'\"\n#]+)", map_file.read_text("utf-8", errors="replace"), re.M)
    except OSError:
        found = None
    if found:
        paths.append(map_file.parent / found.group(1).strip())
    return paths


class PreviewServer:
    """The preview's HTTP server and file watcher; ``start()`` runs both in threads, ``stop()`` ends them."""

    def __init__(self, map_file: Path, *, claims: Path | None = None, port: int = 0, render: bool = True) -> None:
        from .previewedit import MapEditor, new_token

        self.map_file, self.claims, self.render = map_file, claims, render
        self.token = new_token()
        self.editor = MapEditor(map_file)
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._stamp = _stamp(_watched(map_file, claims))  # before reading: a save during the first check is seen
        self.state = preview_state(map_file, version=1, claims=claims, render=render)
        self._http = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._http.daemon_threads = True
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}/"

    def start(self) -> None:
        for target in (self._http.serve_forever, self._watch):
            t = threading.Thread(target=target, daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        self._stop.set()
        self._http.shutdown()
        self._http.server_close()
        with self._cond:
            self._cond.notify_all()

    def wait_for(self, version: int, timeout: float) -> PreviewState:
        """The first state newer than ``version`` (or the current one after ``timeout`` seconds)."""
        with self._cond:
            self._cond.wait_for(lambda: self.state.version > version or self._stop.is_set(), timeout)
            return self.state

    def _watch(self) -> None:
        stamp = self._stamp
        while not self._stop.wait(POLL_SECONDS):
            now = _stamp(_watched(self.map_file, self.claims))
            if now == stamp:
                continue
            stamp = now
            state = preview_state(self.map_file, version=self.state.version + 1, claims=self.claims,
                                  render=self.render)
            if state.svg is None and self.state.svg is not None:  # keep the last good diagram on screen
                state = PreviewState(**{**asdict(state), "svg": self.state.svg})
            with self._cond:
                self.state = state
                self._cond.notify_all()


def _handler(server: PreviewServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet: the terminal is the user's
            return

        def do_GET(self) -> None:
            if self.path == "/":
                self._send(200, "text/html; charset=utf-8", _PAGE.replace("__TOKEN__", server.token).encode("utf-8"))
            elif self.path == "/state.json":
                self._send(200, "application/json", json.dumps(asdict(server.state)).encode("utf-8"))
            elif self.path == "/events":
                self._events()
            else:
                self._send(404, "text/plain; charset=utf-8", b"not found\n")

        def do_POST(self) -> None:
            from .mapedit import MapEditError
            from .previewedit import MAX_BODY, refusal

            if self.path != "/edit":
                self._send(404, "text/plain; charset=utf-8", b"not found\n")
                return
            refused = refusal(dict(self.headers.items()), self.client_address[0], server.token, server._http.server_address[1])
            if refused is not None:
                self._answer(refused[0], {"error": refused[1]})
                return
            size = int(self.headers.get("Content-Length") or 0)
            if not 0 < size <= MAX_BODY or self.headers.get("Content-Type", "").split(";")[0] != "application/json":
                self._answer(400, {"error": f"an edit is a JSON object of at most {MAX_BODY:,} bytes"})
                return
            try:
                action = json.loads(self.rfile.read(size))
                if not isinstance(action, dict):
                    raise ValueError
            except ValueError:
                self._answer(400, {"error": "an edit is a JSON object"})
                return
            try:
                self._answer(200, server.editor.apply(action))
            except MapEditError as exc:
                self._answer(exc.status, {"error": exc.message})
            except ArgmapError as exc:  # a write that failed
                self._answer(exc.status, {"error": exc.message})

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            self._send(status, "application/json", json.dumps(body).encode("utf-8"))

        def _send(self, status: int, ctype: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = 0
            try:
                while not server._stop.is_set():
                    state = server.wait_for(seen, _KEEPALIVE_SECONDS)
                    if state.version > seen:
                        seen = state.version
                        self.wfile.write(b"data: " + json.dumps(asdict(state)).encode("utf-8") + b"\n\n")
                    else:
                        self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


def serve_preview(map_file: Path, *, claims: Path | None = None, port: int = 8765, open_browser: bool = False,
                  announce: Callable[[str], None] = print) -> None:
    """Run the preview until Ctrl-C."""
    try:
        server = PreviewServer(map_file, claims=claims, port=port)
    except OSError as exc:
        raise ArgmapError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror} (try --port)") from None
    server.start()
    announce(server.url)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>argmap preview</title>
<meta name="argmap-token" content="__TOKEN__">
<style>
body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#222}
h1{font-size:1.2rem;margin:0 0 .5rem} #status{font-size:.9rem;color:#555}
#errors li{color:#b00020;font-family:monospace;white-space:pre-wrap}
#warnings li{color:#8a6100;font-family:monospace;white-space:pre-wrap}
#coverage{font-family:monospace;font-size:.85rem;color:#444;white-space:pre-wrap}
#diagram svg{max-width:100%;height:auto} .stale{opacity:.35}
#layout{display:flex;gap:1.5rem;align-items:flex-start}
#essay-pane{flex:0 0 38%;max-height:85vh;overflow:auto;border-right:1px solid #ddd;padding-right:1rem}
#essay p{line-height:1.5;margin:0 0 .6rem;white-space:pre-wrap} #map-pane{flex:1;min-width:0}
#tools{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;font-size:.9rem;margin:.3rem 0 .6rem}
#tools fieldset{border:1px solid #ddd;padding:.3rem .5rem;margin:0} #tools legend{font-size:.8rem;color:#555}
#make[hidden]{display:none} #selection{font-style:italic} #message{font-size:.9rem}
#message.error{color:#b00020} #paraphrase{width:22rem}
</style></head><body>
<h1 id="title">argmap preview</h1><div id="status">waiting for the map…</div>
<div id="layout">
<div id="essay-pane"><div id="essay"><p>(the essay appears here once the map names it)</p></div></div>
<div id="map-pane">
<div id="tools">
<fieldset id="make" hidden><legend>new node from the selected passage</legend>
  <div>“<span id="selection"></span>”</div>
  <select id="kind"><option>thesis</option><option selected>premise</option><option>conclusion</option>
  <option>evidence</option><option>objection</option></select>
  <input id="paraphrase" placeholder="the passage's claim, in one sentence of your own">
  <button id="make-node">Make node</button></fieldset>
<fieldset><legend>relation</legend>
  <select id="source"></select> <select id="relation-kind"><option value="supports">supports</option>
  <option value="attacks">attacks</option><option value="example">is an example for</option></select>
  <select id="target"></select> <button id="add-relation">Add</button></fieldset>
<fieldset><legend>shared claim</legend>
  <select id="claim-node"></select> <select id="claim"></select> <button id="bind-claim">Bind</button></fieldset>
<button id="undo">Undo last change</button> <span id="message"></span>
</div>
<ul id="errors"></ul><ul id="warnings"></ul><div id="diagram"></div><pre id="coverage"></pre>
</div></div>
<script>
const TOKEN=document.querySelector('meta[name="argmap-token"]').content;
let state=null, essayText=null, picked=null;
function items(id, list){const ul=document.getElementById(id);ul.replaceChildren(...list.map(t=>{
  const li=document.createElement('li');li.textContent=t;return li;}));}
function options(id, list, keep){const sel=document.getElementById(id), old=sel.value;
  sel.replaceChildren(...list.map(([value,label])=>{const o=document.createElement('option');
    o.value=value;o.textContent=label;return o;}));
  if(keep && list.some(([v])=>v===old)) sel.value=old;}
function showEssay(text){
  if(text===essayText) return; essayText=text; const box=document.getElementById('essay');
  if(text===null){box.replaceChildren();return;}
  let at=0; const ps=[];
  for(const line of text.split('\\n')){
    if(line.trim()){const p=document.createElement('p');p.dataset.start=at;p.textContent=line;ps.push(p);}
    at+=line.length+1;}
  box.replaceChildren(...ps);}
function suggestions(){
  const node=(state.nodes||[]).find(n=>n.id===document.getElementById('claim-node').value);
  const order=node?node.suggested:[]; const rest=state.claims.map(c=>c.id).filter(c=>!order.includes(c));
  const wording=Object.fromEntries(state.claims.map(c=>[c.id,c.wording]));
  options('claim',[...order,...rest].map(c=>[c,c+': '+wording[c]]));}
function show(s){
  state=s;
  document.getElementById('title').textContent=s.title?s.title+' ['+s.map+']':'argmap preview';
  document.getElementById('status').textContent=(s.ok?'valid':'not valid')+' · save '+s.version;
  document.getElementById('status').dataset.version=s.version;
  items('errors', s.errors); items('warnings', s.warnings);
  const d=document.getElementById('diagram'); if(s.svg!==null){d.innerHTML=s.svg;}
  d.classList.toggle('stale', !s.ok);
  document.getElementById('coverage').textContent=s.coverage.join('\\n');
  showEssay(s.essay);
  const nodes=s.nodes.map(n=>[n.id,n.id+' ('+n.kind+'): '+n.text.slice(0,50)]);
  options('source', nodes, true); options('claim-node', nodes, true);
  options('target', [...nodes, ...s.relations.map(r=>['#'+r.index,'relation '+(r.id?r.id+': ':'')+r.label])], true);
  suggestions();}
function offset(node, off){const p=(node.nodeType===3?node.parentElement:node).closest('#essay p');
  return p?Number(p.dataset.start)+(node.nodeType===3?off:(off?p.textContent.length:0)):null;}
function selectionChanged(){
  const sel=window.getSelection(); if(!sel.rangeCount||sel.isCollapsed) return;
  const r=sel.getRangeAt(0); const a=offset(r.startContainer,r.startOffset), b=offset(r.endContainer,r.endOffset);
  if(a===null||b===null||b<=a||essayText===null) return;
  picked={start:a,end:b,selected:essayText.slice(a,b)};
  document.getElementById('selection').textContent=picked.selected.trim();
  document.getElementById('make').hidden=false; document.getElementById('paraphrase').focus();}
document.addEventListener('mouseup', selectionChanged); document.addEventListener('keyup', selectionChanged);
async function edit(action){
  const msg=document.getElementById('message');
  const r=await fetch('/edit',{method:'POST',headers:{'Content-Type':'application/json','X-Argmap-Token':TOKEN},
                               body:JSON.stringify(action)});
  const body=await r.json(); msg.textContent=body.error||body.done; msg.className=r.ok?'':'error'; return r.ok;}
document.getElementById('make-node').onclick=async()=>{
  if(!picked) return;
  const ok=await edit({op:'node',kind:document.getElementById('kind').value,
                       text:document.getElementById('paraphrase').value,...picked});
  if(ok){picked=null;document.getElementById('make').hidden=true;document.getElementById('paraphrase').value='';
    window.getSelection().removeAllRanges();}};
document.getElementById('add-relation').onclick=()=>edit({op:'relation',source:document.getElementById('source').value,
  target:document.getElementById('target').value,kind:document.getElementById('relation-kind').value});
document.getElementById('bind-claim').onclick=()=>edit({op:'claim',node:document.getElementById('claim-node').value,
  claim:document.getElementById('claim').value});
document.getElementById('claim-node').onchange=suggestions;
document.getElementById('undo').onclick=()=>edit({op:'undo'});
new EventSource('/events').onmessage=e=>show(JSON.parse(e.data));
</script></body></html>
"""
