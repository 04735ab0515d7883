"""The style sheet and the script of the ``html`` report, kept apart from the markup.

The page must read with scripts off, so the script only adds to it: it shows
the filter bar (hidden in the markup), hides the notes and marks a filter
leaves out, rewrites the counts from the notes still shown, and on a click
brings a mark's note (or a note's mark) into view. It reads everything from
``data-*`` attributes and writes only ``textContent``, classes and
``hidden``: no draft text ever passes through ``innerHTML``.

Layout: from 960 px up each paragraph is a grid row with its notes in a
margin column that sticks beside the paragraph and scrolls on its own past
60 % of the window; below that the notes sit under their paragraph in a box
of at most 40 % of the window, and the box of the paragraph whose mark was
clicked sticks to the bottom of the window while that paragraph is in view. Either way a paragraph with hundreds of
findings keeps its notes next to it instead of stacking them pages below.
"""

from __future__ import annotations

STYLE = """
*{box-sizing:border-box}[hidden]{display:none!important}
html{scroll-padding-top:calc(var(--bar,0px) + .5em)}
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f3;color:#222}
.page{max-width:1600px;margin:0 auto;padding:0 1.5em 3em}
header{background:#f6f6f3;padding:.6em 0 .4em;border-bottom:1px solid #ccc}
.js header{position:sticky;top:0;z-index:3}
h1{font-size:1.3em;margin:0 .6em 0 0;display:inline}
.totals{margin:0;display:inline;color:#444}
#filters{display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center;margin-top:.4em;font-size:14px}
#filters fieldset{border:0;margin:0;padding:0;display:flex;gap:.2em .8em;flex-wrap:wrap;align-items:center}
#filters legend{float:left;font-weight:600;margin-right:.4em;padding:0}
#filters select{max-width:22em;font:inherit}#filters button{font:inherit}
.overview{display:flex;flex-wrap:wrap;gap:1em 2em;align-items:flex-start;margin:1em 0}
.overview h2{font-size:1.05em;margin:0 0 .3em}
nav.index .scroll{max-height:45vh;overflow:auto;border:1px solid #ddd;background:#fff}
table{border-collapse:collapse;background:#fff}
th,td{border:1px solid #ddd;padding:.2em .7em;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}
nav.index thead th{position:sticky;top:0;background:#eee}
nav.index td:first-child{overflow-wrap:anywhere;max-width:42em}
td.zero,.n.zero{color:#aaa}
td.error:not(.zero){color:#b3261e;font-weight:600}td.warning:not(.zero){color:#8a5a00;font-weight:600}
td.info:not(.zero){color:#2f6fb5}
details.draft{background:#fff;margin:1.2em 0;border:1px solid #ddd}
details.draft>summary{cursor:pointer;padding:.5em 1em;background:#efefea;list-style-position:inside}
details.draft>summary h2{display:inline;font-size:1.05em;margin:0;overflow-wrap:anywhere}
.counts{margin-left:.8em;font-size:13px;color:#555;white-space:nowrap}
.counts .n{font-weight:600}
.back{margin:.3em 1em .6em;font-size:13px}
.row{display:grid;grid-template-columns:3.2em minmax(0,1fr) minmax(17em,27em);column-gap:1em;padding:.1em .8em;align-items:start}
.row.empty{min-height:.6em;padding:0 .8em}
.ln{color:#999;text-align:right;font:12px/2.2 monospace;user-select:none}
.src{font:16px/1.7 Georgia,serif;white-space:pre-wrap;overflow-wrap:anywhere;min-width:0}
aside.notes{position:sticky;top:calc(var(--bar,0px) + .5em);max-height:60vh;overflow-y:auto;min-width:0}
aside.notes.none{visibility:hidden}
.loose{display:block;padding:.3em 1em}.loose aside.notes{position:relative;top:auto;bottom:auto;max-height:40vh}
mark{background:none;border-bottom:3px solid;cursor:pointer;padding:0 1px;color:inherit}
mark:empty{padding:0 2px}mark:empty::after{content:"\\2038"}
mark.error{background:#fcd9d6;border-color:#c62828}mark.warning{background:#ffefc2;border-color:#d48b00}
mark.info{background:#dcebfb;border-color:#2f6fb5}mark.active{outline:2px solid #222}
mark.off{background:none;border-color:transparent;cursor:auto}
mark mark{padding-bottom:4px}mark mark mark{padding-bottom:8px}
.note{font-size:13px;border-left:4px solid;background:#fafafa;margin:.2em 0 .4em;padding:.3em .6em;overflow-wrap:anywhere}
.note.error{border-color:#c62828}.note.warning{border-color:#d48b00}.note.info{border-color:#2f6fb5}
.note.active{background:#fff7d6;box-shadow:inset 0 0 0 2px #222}
.sev{font-weight:bold;text-transform:uppercase;font-size:11px}.error .sev{color:#c62828}
.warning .sev{color:#a86e00}.info .sev{color:#2f6fb5}
.note code{font-size:12px;color:#555}.note .ln{font-size:11px;line-height:1}
.fix{color:#1b5e20}.fix q{font-weight:bold}
.note details{color:#444}.note summary{cursor:pointer;color:#2f6fb5}.why-source{font-style:italic}
.clean{color:#1b5e20}
@media (max-width:959px){
.page{padding:0 .6em 2em}
.row{grid-template-columns:2.4em minmax(0,1fr);column-gap:.6em;padding:.1em .4em}
aside.notes{grid-column:2;position:relative;top:auto;max-height:40vh;margin:.1em 0 .5em;background:#fff}
.row.current aside.notes{position:sticky;bottom:0;box-shadow:0 -6px 8px -6px rgba(0,0,0,.25)}
aside.notes:empty,aside.notes.none{display:none}
.src{font-size:15px}
}
"""

SCRIPT = """(function(){'use strict';
var doc=document,form=doc.getElementById('filters'),header=doc.querySelector('header');
doc.documentElement.classList.add('js');form.hidden=false;
var notes=Array.prototype.slice.call(doc.querySelectorAll('.note[data-finding]')),marks={};
doc.querySelectorAll('mark[data-finding]').forEach(function(m){
(marks[m.dataset.finding]=marks[m.dataset.finding]||[]).push(m);});
function bar(){doc.documentElement.style.setProperty('--bar',header.offsetHeight+'px');}
function chosen(){var s={};
form.querySelectorAll('input[name=severity]').forEach(function(i){if(i.checked)s[i.value]=true;});
return{severity:s,category:form.elements.category.value,rule:form.elements.rule.value};}
function kept(n,c){var d=n.dataset;return !!c.severity[d.severity]&&
(!c.category||d.category===c.category)&&(!c.rule||d.rule===c.rule);}
function apply(){var c=chosen(),counts={};
function add(k){counts[k]=(counts[k]||0)+1;}
notes.forEach(function(n){var d=n.dataset,ok=kept(n,c);n.hidden=!ok;
(marks[d.finding]||[]).forEach(function(m){m.classList.toggle('off',!ok);});
if(ok){add('all');add('s:'+d.severity);add('d:'+d.draft);add('d:'+d.draft+'|s:'+d.severity);
add('c:'+d.category);add('c:'+d.category+'|s:'+d.severity);}});
doc.querySelectorAll('[data-count]').forEach(function(e){var v=counts[e.dataset.count]||0;
e.textContent=String(v);e.classList.toggle('zero',v===0);});
doc.querySelectorAll('aside.notes').forEach(function(a){
a.classList.toggle('none',!a.querySelector('.note:not([hidden])'));});}
function activate(id){doc.querySelectorAll('.active,.current').forEach(function(e){e.classList.remove('active','current');});
(marks[id]||[]).forEach(function(m){m.classList.add('active');m.closest('.row').classList.add('current');});
var n=doc.getElementById('note-'+id);if(n)n.classList.add('active');return n;}
function open(el){for(var d=el.closest('details.draft');d;d=d.parentElement.closest('details.draft'))d.open=true;}
function within(n){var a=n.parentElement,top=n.offsetTop;
if(top<a.scrollTop||top+n.offsetHeight>a.scrollTop+a.clientHeight)a.scrollTop=top-4;}
function free(){var top=header.offsetHeight;return{top:top,bottom:window.innerHeight};}
function covered(r,n){var a=n.parentElement.getBoundingClientRect(),f=free(),bottom=f.bottom;
if(a.left<r.right&&a.right>r.left&&a.top<f.bottom)bottom=Math.min(bottom,a.top);
return r.top<f.top||r.bottom>bottom;}
function reveal(m,n){within(n);if(covered(m.getBoundingClientRect(),n))m.scrollIntoView({block:'center'});
var r=n.getBoundingClientRect(),f=free();if(r.top<f.top||r.bottom>f.bottom)n.scrollIntoView({block:'nearest'});}
doc.addEventListener('click',function(ev){var m=ev.target.closest('mark');
if(m&&!m.classList.contains('off')){var n=activate(m.dataset.finding);if(!n)return;
var w=n.querySelector('details');if(w)w.open=true;reveal(m,n);return;}
var note=ev.target.closest('.note[data-finding]');
if(note&&!ev.target.closest('summary,a')){activate(note.dataset.finding);
var first=(marks[note.dataset.finding]||[])[0];if(first)reveal(first,note);}});
function follow(){var t=location.hash&&doc.getElementById(location.hash.slice(1));if(t){open(t);t.scrollIntoView();}}
form.addEventListener('change',apply);
form.addEventListener('reset',function(){setTimeout(apply,0);});
window.addEventListener('resize',bar);window.addEventListener('hashchange',follow);
bar();apply();})();
"""
