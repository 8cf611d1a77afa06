// Trunk post-build hook (release builds): names the service worker's cache after this
// build, so a new build's worker starts a new cache and deletes the old one (web/sw.js
// keeps only the cache it names). The build is named by a hash of index.html, which lists
// every hashed file of the build.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== "release") {
  process.exit(0);
}
const dir = process.env.TRUNK_STAGING_DIR ?? "dist";
const html = readFileSync(join(dir, "index.html"), "utf8");
const build = createHash("sha256").update(html, "utf8").digest("hex").slice(0, 12);
const file = join(dir, "sw.js");
const worker = readFileSync(file, "utf8");
const stamped = worker.replace(/const CACHE = "nnp-offline-[^"]*";/, `const CACHE = "nnp-offline-${build}";`);
if (stamped === worker) {
  throw new Error(`no 'const CACHE = "nnp-offline-…";' in ${file} to stamp`);
}
writeFileSync(file, stamped);
console.log(`stamp-sw.mjs: the offline cache is nnp-offline-${build}`);
