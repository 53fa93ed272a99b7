// "Copy link" on a share bar (likes/templates/likes/_share.html): copies the page's address
// instead of following the link. Without JavaScript, or without clipboard access, the link
// is a plain link to the page, which can be copied from the browser.
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest("a.copy-link");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  var status = link.parentElement.querySelector(".copy-status");
  navigator.clipboard.writeText(link.href).then(
    function () {
      if (status) status.textContent = link.dataset.copied;
    },
    function () {
      window.location.href = link.href;
    }
  );
});
