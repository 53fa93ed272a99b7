// "Quote" on each reply of a discussion: puts the reply, as a "> " quote after who wrote it,
// into the reply box. Without JavaScript the link opens the same box on a page of its own
// (forum:quote). Added again after htmx swaps the replies section.
(function () {
  "use strict";
  var root = document.getElementById("forum-replies");
  if (!root) return;
  var base = root.getAttribute("data-quote-url") || "";
  var label = root.getAttribute("data-quote-label") || "Quote";
  var intro = root.getAttribute("data-quote-intro") || "%(name)s wrote:";

  function quoted(comment) {
    var body = comment.querySelector(".comment-body");
    var byline = comment.querySelector(".byline");
    var author = byline ? byline.querySelector("a, span") : null;
    var name = author ? author.textContent.trim() : "";
    var text = body ? body.innerText.trim() : "";
    var lines = text.split(/\r?\n/).map(function (line) { return ("> " + line).trimEnd(); });
    return intro.replace("%(name)s", name) + "\n" + lines.join("\n") + "\n\n";
  }

  function addLinks() {
    var box = document.getElementById("comment-body");
    if (!box) return; // no reply box: closed, or not a member
    root.querySelectorAll(".comment[id^='comment-']").forEach(function (comment) {
      var byline = comment.querySelector(".byline");
      if (!byline || byline.querySelector(".quote-link")) return;
      if (comment.classList.contains("comment-removed") || comment.classList.contains("hidden-comment")) return;
      var id = comment.id.replace("comment-", "");
      var link = document.createElement("a");
      link.className = "quote-link";
      link.href = base.replace(/\/0\/$/, "/" + id + "/");
      link.textContent = label;
      link.addEventListener("click", function (event) {
        var target = document.getElementById("comment-body");
        if (!target) return;
        event.preventDefault();
        target.value = (target.value ? target.value.replace(/\s*$/, "\n\n") : "") + quoted(comment);
        target.focus();
        target.setSelectionRange(target.value.length, target.value.length);
      });
      byline.appendChild(document.createTextNode(" · "));
      byline.appendChild(link);
    });
  }

  addLinks();
  document.body.addEventListener("htmx:afterSettle", addLinks);
})();
