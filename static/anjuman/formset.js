// "Add another …" for a Django formset: a button with data-formset (the rows' container, whose
// data-formset-prefix is the formset's prefix), data-template (a <template> holding the empty
// form, __prefix__ in its names and __number__ in its legend) and data-max. Without JavaScript
// the button stays hidden and the form's own empty rows are there instead.
(function () {
  "use strict";
  function setUp(button) {
    var rows = document.getElementById(button.dataset.formset);
    var template = document.getElementById(button.dataset.template);
    if (!rows || !template) { return; }
    var prefix = rows.dataset.formsetPrefix;
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var max = parseInt(button.dataset.max || "1000", 10);
    if (!total) { return; }
    function refresh() { button.hidden = parseInt(total.value, 10) >= max; }
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      if (index >= max) { return; }
      var html = template.innerHTML.replace(/__prefix__/g, String(index))
        .replace(/__number__/g, String(index + 1));
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var row = holder.firstElementChild;
      rows.appendChild(row);
      total.value = String(index + 1);
      refresh();
      var first = row.querySelector("input:not([type=hidden]), textarea, select");
      if (first) { first.focus(); }
    });
    refresh();
  }
  function start() {
    document.querySelectorAll("button[data-formset]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
