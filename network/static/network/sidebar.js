// Drag and drop for /manage/sidebar/: each box of the list can be dragged to a new place; the
// whole order is then sent to the ordering endpoint (network.views.sidebar_order) with the
// page's CSRF token. Without JavaScript, or from the keyboard, the Move up / Move down buttons
// of each box do the same, one step at a time.
(function () {
  var list = document.querySelector("[data-order-form]");
  var form = list && document.getElementById(list.dataset.orderForm);
  if (!list || !form || !window.fetch) return;
  var status = document.querySelector(".sidebar-order-status");
  var dragged = null;
  var before = "";

  function order() {
    return rows().map(function (row) { return row.dataset.box; }).join(",");
  }

  function rows() {
    return Array.prototype.slice.call(list.querySelectorAll("[data-box]"));
  }

  function refreshButtons() {
    var all = rows();
    all.forEach(function (row, i) {
      var up = row.querySelector('button[value="up"]');
      var down = row.querySelector('button[value="down"]');
      if (up) up.disabled = i === 0;
      if (down) down.disabled = i === all.length - 1;
    });
  }

  function save() {
    form.elements.order.value = order();
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      if (status) status.textContent = status.dataset.saved;
    }).catch(function () {
      if (status) status.textContent = status.dataset.failed;
      window.setTimeout(function () { window.location.reload(); }, 1500);
    });
  }

  rows().forEach(function (row) {
    row.draggable = true;
    row.classList.add("draggable");
    row.addEventListener("dragstart", function (event) {
      dragged = row;
      before = order();
      row.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", row.dataset.box);
    });
    row.addEventListener("dragend", function () {
      row.classList.remove("dragging");
      dragged = null;
      if (order() !== before) {
        refreshButtons();
        save();
      }
    });
    row.addEventListener("dragover", function (event) {
      if (!dragged || dragged === row) return;
      event.preventDefault();
      var box = row.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? row.nextSibling : row);
    });
    row.addEventListener("drop", function (event) {
      event.preventDefault();
    });
  });
})();
