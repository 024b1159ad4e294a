// The app's service worker (generated at build time by scripts/post-build.mjs).
// Keeps every file of this build in the cache at the first visit, then answers
// from the cache first: the app works with the network off. Requests to other
// origins are never made (and not handled here).
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `cloudquote-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cloudquote-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Every page of the app is its one document (the quote travels in the fragment).
  const key = request.mode === 'navigate' ? '/' : url.pathname;
  event.respondWith(caches.match(key).then((hit) => hit || fetch(request)));
});
