"""The preview page: the essay beside the diagram, its errors and coverage, and the tools that edit the map.

One self-contained HTML document (no file it loads but the server's own ``/events`` and ``/edit``); the server
writes the session's token where ``__TOKEN__`` stands.

>>> "new EventSource('/events')" in PAGE and 'content="__TOKEN__"' in PAGE
True
"""

from __future__ import annotations

__all__ = ["PAGE"]

PAGE = """<!doctype html>
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
#essay mark{background:#fff3b0;border-radius:2px} #make[hidden]{display:none} #selection{font-style:italic}
#message{font-size:.9rem}
#message.error{color:#b00020} #paraphrase{width:22rem} #diagram g.node{cursor:pointer}
</style></head><body>
<h1 id="title">argmap preview</h1><div id="status">waiting for the map…</div>
<div id="layout">
<div id="essay-pane"><div id="essay"><div class="hint">(the essay appears here once the map names one)</div></div></div>
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
let state=null, essayText=null, essay=null, picked=null;
function items(id, list){const ul=document.getElementById(id);ul.replaceChildren(...list.map(t=>{
  const li=document.createElement('li');li.textContent=t;return li;}));}
function options(id, list, keep){const sel=document.getElementById(id), old=sel.value;
  sel.replaceChildren(...list.map(([value,label])=>{const o=document.createElement('option');
    o.value=value;o.textContent=label;return o;}));
  if(keep && list.some(([v])=>v===old)) sel.value=old;}
function showEssay(text, quoted){
  const key=JSON.stringify([text,quoted]); if(key===essayText+'') return; essayText=key; essay=text;
  const box=document.getElementById('essay'); if(text===null){box.replaceChildren();return;}
  let at=0; const ps=[];
  for(const line of text.split('\\n')){
    const end=at+line.length;
    if(line.trim()){const p=document.createElement('p');p.dataset.start=at;let from=at;
      for(const [a,b,id] of quoted){if(b<=at||a>=end) continue; const s=Math.max(a,at), e=Math.min(b,end);
        if(s>from) p.append(text.slice(from,s));
        const m=document.createElement('mark');m.dataset.node=id;m.title=id;m.textContent=text.slice(s,e);p.append(m);from=e;}
      if(from<end) p.append(text.slice(from,end)); ps.push(p);}
    at=end+1;}
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
  if(s.essay!==null) showEssay(s.essay, s.quoted);  // a save caught half-written has no essay: keep the one shown
  const nodes=s.nodes.map(n=>[n.id,n.id+' ('+n.kind+'): '+n.text.slice(0,50)]);
  options('source', nodes, true); options('claim-node', nodes, true);
  options('target', [...nodes, ...s.relations.map(r=>['#'+r.index,'relation '+(r.id?r.id+': ':'')+r.label])], true);
  suggestions();}
function offset(node, off){const p=(node.nodeType===3?node.parentElement:node).closest('#essay p');
  if(!p) return null; const r=document.createRange(); r.setStart(p,0); r.setEnd(node,off);
  return Number(p.dataset.start)+r.toString().length;}
function selectionChanged(){
  const sel=window.getSelection(); if(!sel.rangeCount||sel.isCollapsed) return;
  const r=sel.getRangeAt(0); const a=offset(r.startContainer,r.startOffset), b=offset(r.endContainer,r.endOffset);
  if(a===null||b===null||b<=a||essay===null) return;
  picked={start:a,end:b,selected:essay.slice(a,b)};
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
let pickNext='source';
document.getElementById('diagram').addEventListener('click', e=>{
  const g=e.target.closest('g.node'); if(!g||!state||!state.nodes.some(n=>n.id===g.id)) return;
  document.getElementById(pickNext).value=g.id;
  document.getElementById('message').className='';
  document.getElementById('message').textContent=pickNext==='source'?
    'from '+g.id+': now click the node it supports or attacks':'to '+g.id+': pick the kind of relation, then Add';
  pickNext=pickNext==='source'?'target':'source';});
new EventSource('/events').onmessage=e=>show(JSON.parse(e.data));
</script></body></html>
"""
