/*
 * Live coverage, for a reader who keeps a live story open: new updates appear
 * without a reload. Progressive enhancement: the page reads completely without
 * it. Loaded (deferred) only on a live story's page, whose list of updates
 * names the story's Atom feed (data-live-feed), the site's time zone and the
 * coverage's end if set. Every 15 seconds while the tab is visible it asks the
 * feed, with If-None-Match so an unchanged feed costs a 304; entries whose
 * anchor is not on the page yet are built like the server's markup (the class
 * names of components/live-updates.tsx) and put in place by time, newest
 * first, and a status line says how many arrived. It stops when the coverage
 * ends: at the end time, or when the feed no longer carries the category
 * "live", or is gone. Hand-written, no framework: the page ships no other
 * script (docs/decisions/0005-no-framework-runtime-on-public-pages.md).
 */
(function () {
  "use strict";
  var list = document.querySelector("ol[data-live-feed]");
  if (!list || !window.fetch || !window.DOMParser) return;
  var EVERY = 15000;
  var feed = list.getAttribute("data-live-feed");
  var end = Date.parse(list.getAttribute("data-live-end") || "");
  var format = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: list.getAttribute("data-time-zone") || undefined,
    timeZoneName: "short",
  });
  var status = make("p", "live-status");
  status.setAttribute("role", "status");
  list.parentNode.insertBefore(status, list);
  var etag = "";
  var timer = 0;
  var stopped = false;
  var busy = false;

  function make(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }
  function child(entry, name) {
    var el = entry.getElementsByTagName(name)[0];
    return el ? el.textContent : "";
  }
  /** A title the feed escaped as HTML, back to its text (a textarea decodes entities and parses no tags). */
  function decode(html) {
    var area = document.createElement("textarea");
    area.innerHTML = html;
    return area.value;
  }
  function timeOf(item) {
    var time = item.querySelector("time");
    return time ? Date.parse(time.getAttribute("datetime")) : 0;
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
  }
  function schedule() {
    clearTimeout(timer);
    if (!stopped && !document.hidden) timer = setTimeout(poll, EVERY);
  }

  function poll() {
    if (stopped || busy) return;
    if (end <= Date.now()) return stop();
    busy = true;
    fetch(feed, { cache: "no-store", headers: etag ? { "If-None-Match": etag } : {} })
      .then(function (response) {
        if (response.status === 404 || response.status === 410) return stop();
        if (!response.ok) return;
        etag = response.headers.get("ETag") || "";
        return response.text().then(function (text) {
          show(new DOMParser().parseFromString(text, "application/xml"));
        });
      })
      .catch(function () {
        // Offline or a passing error: the next poll tries again.
      })
      .then(function () {
        busy = false;
        schedule();
      });
  }

  function show(doc) {
    var root = doc.documentElement;
    if (!root || root.localName !== "feed") return;
    var entries = root.getElementsByTagName("entry");
    var added = [];
    for (var i = entries.length - 1; i >= 0; i--) {
      var id = child(entries[i], "id");
      var anchor = id.slice(id.indexOf("#") + 1);
      if (!anchor || document.getElementById(anchor)) continue;
      var item = update(entries[i], anchor);
      place(item);
      added.push(item.querySelector("h3").textContent);
    }
    if (added.length) {
      var empty = document.querySelector("[data-live-empty]");
      if (empty) empty.parentNode.removeChild(empty);
      // Says what arrived, so a screen reader hears each arrival (the same text twice is not re-read).
      status.textContent = added.length === 1 ? "New update: " + added[0] : added.length + " new updates, newest first";
    }
    var live = false;
    for (var c = root.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === "category" && c.getAttribute("term") === "live") live = true;
    }
    if (!live) stop();
  }

  /** Before the first update that is older: the list stays newest first. */
  function place(item) {
    var t = timeOf(item);
    for (var next = list.firstElementChild; next; next = next.nextElementSibling) {
      if (timeOf(next) < t) return list.insertBefore(item, next);
    }
    list.appendChild(item);
  }

  function update(entry, anchor) {
    var iso = child(entry, "published") || child(entry, "updated");
    var title = decode(child(entry, "title"));
    var key = false;
    var categories = entry.getElementsByTagName("category");
    for (var i = 0; i < categories.length; i++) if (categories[i].getAttribute("term") === "key") key = true;

    var item = make("li", "live-update");
    var article = make("article");
    article.id = anchor;
    article.setAttribute("aria-labelledby", anchor + "-title");
    var meta = make("p", "live-update-meta");
    var time = make("time", "", format.format(new Date(iso)));
    time.setAttribute("datetime", iso);
    meta.appendChild(time);
    if (key) {
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(make("strong", "", "Key event"));
    }
    var heading = make("h3", "live-update-title", title);
    heading.id = anchor + "-title";
    var body = make("div", "live-update-body prose-article");
    // The site's own HTML, rendered and sanitized on the server (lib/render/markdown.ts).
    body.innerHTML = child(entry, "content");
    var link = make("p", "live-update-link");
    var a = make("a", "", "Link to this update");
    a.href = location.pathname + "#" + anchor;
    a.appendChild(make("span", "sr-only", " (" + title + ")"));
    link.appendChild(a);
    article.appendChild(meta);
    article.appendChild(heading);
    article.appendChild(body);
    article.appendChild(link);
    item.appendChild(article);
    if (key) keyEvent(anchor, time, title);
    return item;
  }

  function keyEvent(anchor, time, title) {
    var events = document.querySelector("ol[data-key-events]");
    if (!events) return;
    var item = make("li");
    var a = make("a", "live-key-event");
    a.href = location.pathname + "#" + anchor;
    a.appendChild(time.cloneNode(true));
    a.appendChild(document.createTextNode(": " + title));
    item.appendChild(a);
    events.insertBefore(item, events.firstElementChild);
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) clearTimeout(timer);
    else poll();
  });
  if (end <= Date.now()) stop();
  else schedule();
})();
