// Sends the chosen photos one request per file, each with its own progress bar. Without this
// script the form sends them all in one request, which works as well.
(function () {
  "use strict";
  var form = document.querySelector("form[data-upload]");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var input = form.querySelector('input[type="file"]');
  var list = form.querySelector("[data-progress]");
  var button = form.querySelector('button[type="submit"]');

  function row(name) {
    var item = document.createElement("li");
    var label = document.createElement("span");
    label.textContent = name;
    label.dir = "auto";
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", name);
    var status = document.createElement("span");
    item.append(bar, label, status);
    list.append(item);
    return { bar: bar, status: status, item: item };
  }

  function send(file, fields, shown) {
    return new Promise(function (resolve) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", fields.csrf);
      data.append("photos", file, file.name);
      data.append("album", fields.album || "");
      data.append("new_album", fields.newAlbum || "");
      data.append("tags", fields.tags || "");
      var request = new XMLHttpRequest();
      request.open("POST", form.action || window.location.href);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) shown.bar.value = Math.round((event.loaded / event.total) * 100);
      });
      request.addEventListener("load", function () {
        var answer = null;
        try { answer = JSON.parse(request.responseText); } catch (e) { answer = null; }
        shown.bar.value = 100;
        if (answer && answer.added) {
          shown.status.textContent = "✓";
        } else {
          shown.item.classList.add("refused");
          shown.status.textContent = answer && answer.refused && answer.refused.length
            ? answer.refused.join(" ") : (form.dataset.failed || "✗");
        }
        resolve(answer);
      });
      request.addEventListener("error", function () {
        shown.item.classList.add("refused");
        shown.status.textContent = "✗";
        resolve(null);
      });
      request.send(data);
    });
  }

  form.addEventListener("submit", function (event) {
    var files = Array.prototype.slice.call(input.files || []);
    if (!files.length) return; // the server says a file is needed
    event.preventDefault();
    button.disabled = true;
    list.textContent = "";
    var fields = {
      csrf: form.querySelector('input[name="csrfmiddlewaretoken"]').value,
      album: (form.querySelector('[name="album"]') || {}).value || "",
      newAlbum: (form.querySelector('[name="new_album"]') || {}).value || "",
      tags: (form.querySelector('[name="tags"]') || {}).value || ""
    };
    var rows = files.map(function (file) { return row(file.name); });
    var allAdded = true;
    var next = null;
    var chain = Promise.resolve();
    files.forEach(function (file, i) {
      chain = chain.then(function () {
        return send(file, fields, rows[i]).then(function (answer) {
          if (answer && answer.album) {
            // The new album is made with the first photo; the others go into it.
            fields.album = String(answer.album);
            fields.newAlbum = "";
          }
          if (answer && answer.next) next = answer.next;
          if (!answer || !answer.added) allAdded = false;
        });
      });
    });
    chain.then(function () {
      button.disabled = false;
      if (next && allAdded) {
        window.location.assign(next);
      } else if (next) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = next;
        link.textContent = form.dataset.seeLabel || "→";
        item.append(link);
        list.append(item);
      }
    });
  });
})();
