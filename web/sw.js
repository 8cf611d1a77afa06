// The playground's offline copy (a service worker, served from the site's own folder).
// On install it keeps every file the start page names (the wasm, its JavaScript glue,
// the styles, the icon) and the digits data. Every request is then answered from the
// network when there is one (and the copy refreshed), from the copy when there is not —
// so after one visit the site works on a train or in a lecture hall without Wi-Fi.
// Nothing here talks to any other origin.
// Renamed for every release build by scripts/stamp-sw.mjs: a new build's worker fills a new
// cache and deletes the old ones (see "activate"), so old hashed files never pile up.
const CACHE = "nnp-offline-dev";
const EXTRA = ["data/digits.csv"];

async function fillCache() {
  const cache = await caches.open(CACHE);
  const index = await fetch("./", { cache: "no-cache" });
  const html = await index.clone().text();
  await cache.put("./", index);
  const named = [...html.matchAll(/(?:href|src)="([^"#?]+)"/g)]
    .map((m) => new URL(m[1], self.registration.scope))
    .filter((url) => url.origin === self.location.origin)
    .map((url) => url.href);
  await cache.addAll([...new Set([...named, ...EXTRA.map((p) => new URL(p, self.registration.scope).href)])]);
}

self.addEventListener("install", (event) => {
  event.waitUntil(fillCache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) {
          await cache.put(request, response.clone());
        }
        return response;
      } catch (offline) {
        const kept =
          (await cache.match(request, { ignoreSearch: true })) ??
          (request.mode === "navigate" ? await cache.match("./") : undefined);
        if (kept) {
          return kept;
        }
        throw offline;
      }
    })(),
  );
});
