// Counts a view of the post on this page (blogs.views.post_view): one small POST, sent even
// when the page itself came from the page cache or from nginx's page files. The post's page
// carries the address and a signed token; the author's own page carries neither. A page
// opened in the background (prerendered, or a tab not yet looked at) counts once it is seen.
(function () {
  var post = document.querySelector("[data-view-url][data-view-token]");
  if (!post || !navigator.sendBeacon) return;
  var sent = false;
  function send() {
    if (sent || document.visibilityState !== "visible") return;
    sent = true;
    var body = new URLSearchParams();
    body.append("token", post.dataset.viewToken);
    navigator.sendBeacon(post.dataset.viewUrl, body);
  }
  send();
  if (!sent) document.addEventListener("visibilitychange", send);
})();
