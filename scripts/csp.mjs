// Trunk post-build hook: gives index.html a Content-Security-Policy. The only script the
// page may run inline is the start-up module Trunk writes (allowed by its SHA-256 hash);
// everything else must come from the site itself; WebAssembly may be compiled; nothing
// may be loaded from, sent to or framed by another origin.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Release builds only: under `trunk serve` (a debug build) Trunk adds its live-reload
// script and a WebSocket back to the dev server, which this policy would block.
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== "release") {
  console.log(`csp.mjs: ${process.env.TRUNK_PROFILE} build, no Content-Security-Policy`);
  process.exit(0);
}

const file = join(process.env.TRUNK_STAGING_DIR ?? "dist", "index.html");
let html = readFileSync(file, "utf8");
const hashes = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  // Yew and the screens set style attributes (positions, sizes, colours).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, "");
html = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${meta}`);
if (!html.includes(meta)) {
  throw new Error(`no <meta charset="utf-8" /> in ${file} to put the policy after`);
}
writeFileSync(file, html);
