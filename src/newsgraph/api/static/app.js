// newsgraph desk: choosing a fact highlights its evidence and shows its record.
// Loaded from this server only (the CSP forbids inline script); touches the page with textContent and
// classList only, so no text from an article is ever parsed as HTML.
"use strict";
(function () {
  function factItems() { return document.querySelectorAll("li.fact"); }

  function clear() {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  }

  function select(id, scroll) {
    var item = document.getElementById("fact-" + id);
    if (!item) { return; }
    clear();
    item.classList.add("active");
    var first = null;
    document.querySelectorAll("#text .hl").forEach(function (seg) {
      if ((seg.dataset.facts || "").split(" ").indexOf(id) >= 0) {
        seg.classList.add("active");
        if (!first) { first = seg; }
      }
    });
    var box = document.getElementById("record");
    if (box) {
      var text = item.dataset.record || "";
      try { text = JSON.stringify(JSON.parse(text), null, 1); } catch (e) { /* shown as it came */ }
      box.textContent = text;
    }
    if (scroll && first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
    if (scroll) { item.scrollIntoView({ block: "nearest" }); }
    document.body.dataset.selected = id;
  }

  function selectSpan(start, end) {
    clear();
    var first = null;
    document.querySelectorAll("#text [data-start]").forEach(function (seg) {
      var s = Number(seg.dataset.start), e = Number(seg.dataset.end);
      if (s < end && e > start) {
        seg.classList.add("hl", "active");
        if (!first) { first = seg; }
      }
    });
    if (first) { first.scrollIntoView({ block: "center" }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    factItems().forEach(function (item) {
      item.addEventListener("click", function (ev) {
        if (ev.target.tagName === "A") { return; }
        select(item.dataset.fact, true);
      });
      item.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(item.dataset.fact, true); }
      });
    });
    document.querySelectorAll("#text .hl").forEach(function (seg) {
      seg.addEventListener("click", function () {
        var ids = (seg.dataset.facts || "").split(" ").filter(Boolean);
        if (!ids.length) { return; }
        // a passage covered by several facts: each click shows the next of them
        var current = document.body.dataset.selected;
        var at = ids.indexOf(current);
        select(ids[(at + 1) % ids.length], false);
        var item = document.getElementById("fact-" + document.body.dataset.selected);
        if (item) { item.scrollIntoView({ block: "nearest" }); }
      });
    });
    var m = /^#span=(\d+)-(\d+)$/.exec(window.location.hash);
    if (m) { selectSpan(Number(m[1]), Number(m[2])); }
    var f = /^#fact=([a-z]\d+)$/.exec(window.location.hash);
    if (f) { select(f[1], true); }
  });
})();
