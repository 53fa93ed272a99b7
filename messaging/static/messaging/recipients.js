// Suggestions for the To field of a new message (messaging/templates/messaging/compose.html).
// The field holds names separated by commas; as the last one is typed, the members whose name
// or handle has it (those the writer may write to: messaging/queries.py) are offered in the
// field's <datalist>, each option being the whole field with the last name completed. Without
// JavaScript the field takes names and @handles as typed.
(function () {
  var form = document.querySelector("form[data-suggest]");
  if (!form) return;
  var input = form.querySelector("input.recipient-input");
  var list = document.getElementById("recipient-options");
  if (!input || !list) return;
  var timer = null;
  var asked = "";

  function split(value) {
    var at = Math.max(value.lastIndexOf(","), value.lastIndexOf("\u060c"));
    return { before: at < 0 ? "" : value.slice(0, at + 1) + " ", last: value.slice(at + 1).trim() };
  }

  function show(before, results) {
    while (list.firstChild) list.removeChild(list.firstChild);
    results.forEach(function (result) {
      var option = document.createElement("option");
      option.value = before.replace(/\s+$/, " ").replace(/^\s+/, "") + result.label + ", ";
      option.label = result.label;
      list.appendChild(option);
    });
  }

  function ask() {
    var parts = split(input.value);
    if (parts.last.length < 1 || parts.last.indexOf("(@") >= 0) {
      show(parts.before, []);
      return;
    }
    if (parts.last === asked) return;
    asked = parts.last;
    var url = form.dataset.suggest + "?q=" + encodeURIComponent(parts.last);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (data) {
        if (split(input.value).last === parts.last) show(parts.before, data.results || []);
      })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
})();
