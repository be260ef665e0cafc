// galley's review report: filters and click-to-explain. No network, no eval.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("#filters input[type=checkbox]");
  function allowed(kind) {
    var on = {};
    document.querySelectorAll("#filters input[data-kind=" + kind + "]").forEach(function (b) {
      if (b.checked) { on[b.value] = true; }
    });
    return on;
  }
  function apply() {
    var cat = allowed("cat"), sev = allowed("sev"), rule = allowed("rule");
    document.querySelectorAll("[data-f]").forEach(function (el) {
      var ok = cat[el.dataset.cat] && sev[el.dataset.sev] && rule[el.dataset.rule];
      el.classList.toggle("off", !ok);
    });
    document.querySelectorAll("article").forEach(function (a) {
      a.classList.toggle("off", !a.querySelector("li[data-f]:not(.off)"));
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest("mark[data-f], li[data-f]") : null;
    if (!t || t.classList.contains("off")) { return; }
    document.querySelectorAll(".sel").forEach(function (s) { s.classList.remove("sel"); });
    var n = t.dataset.f;
    var mark = document.getElementById("m" + n), item = document.getElementById("f" + n);
    if (mark) { mark.classList.add("sel"); }
    if (item) {
      item.classList.add("sel");
      var d = item.querySelector("details");
      if (d) { d.open = true; }
    }
    var other = t.tagName === "MARK" ? item : mark;
    if (other) { other.scrollIntoView({ block: "nearest" }); }
  });
})();
