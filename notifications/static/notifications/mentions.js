// @mentions: in any <textarea> or <input> with data-mentions, typing "@" and a few letters
// offers the members whose handle or name begins with them (GET notifications:mentions, whose
// address is this script's data-url); choosing one writes "@handle ". Keyboard: ↑ ↓ to move,
// Enter or Tab to choose, Escape to close. Names are written with textContent, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.url;
  if (!url) return;
  var AT = /(^|[\s(\[{"'«“])@([\p{L}\p{N}_-]{1,50})$/u;
  var counter = 0;

  function setUp(field) {
    if (field.dataset.mentionsReady) return;
    field.dataset.mentionsReady = "1";
    var list = document.createElement("ul");
    list.className = "mention-list";
    list.id = "mention-list-" + (++counter);
    list.setAttribute("role", "listbox");
    list.hidden = true;
    field.insertAdjacentElement("afterend", list);
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-controls", list.id);
    var timer = null, asked = 0, active = -1, found = [], start = -1;

    function close() {
      // Answers still on their way are for what was typed before: forget them.
      asked++;
      clearTimeout(timer);
      list.hidden = true;
      list.textContent = "";
      field.removeAttribute("aria-activedescendant");
      found = [];
      active = -1;
    }

    function highlight(i) {
      var items = list.children;
      for (var j = 0; j < items.length; j++) {
        items[j].setAttribute("aria-selected", j === i ? "true" : "false");
      }
      active = i;
      if (i >= 0) field.setAttribute("aria-activedescendant", items[i].id);
    }

    function choose(i) {
      var member = found[i];
      if (!member || start < 0) return;
      var caret = field.selectionStart;
      var before = field.value.slice(0, start);
      var after = field.value.slice(caret);
      var inserted = "@" + member.handle + " ";
      field.value = before + inserted + after;
      var at = before.length + inserted.length;
      field.setSelectionRange(at, at);
      close();
      field.focus();
    }

    function show(members) {
      close();
      found = members;
      if (!members.length) return;
      members.forEach(function (member, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        var name = document.createElement("bdi");
        name.textContent = member.name;
        var handle = document.createElement("span");
        handle.className = "mention-handle";
        handle.textContent = " @" + member.handle;
        item.append(name, handle);
        // mousedown, not click: the field keeps its focus and caret.
        item.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.append(item);
      });
      list.hidden = false;
      highlight(0);
    }

    function lookUp() {
      var caret = field.selectionStart;
      var match = AT.exec(field.value.slice(0, caret));
      if (!match) { close(); return; }
      close();
      start = caret - match[2].length - 1;
      var mine = asked;
      fetch(url + "?q=" + encodeURIComponent(match[2]), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (r) { return r.ok ? r.json() : { members: [] }; })
        .then(function (data) { if (mine === asked) show(data.members || []); })
        .catch(close);
    }

    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookUp, 150);
    });
    field.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % found.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight((active - 1 + found.length) % found.length); }
      else if (e.key === "Enter" || e.key === "Tab") { e.preventDefault(); choose(active); }
      else if (e.key === "Escape") { e.preventDefault(); close(); }
    });
    field.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  function scan(root) {
    root.querySelectorAll("textarea[data-mentions], input[data-mentions]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { scan(document); });
  } else {
    scan(document);
  }
  // Forms that htmx brings in later (a reply box) get it too.
  document.addEventListener("htmx:afterSettle", function (e) { scan(e.target); });
})();
