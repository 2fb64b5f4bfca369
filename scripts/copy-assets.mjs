// Copies the few front-end files the portal serves from node_modules into static/vendor,
// so that collectstatic and runserver never reach into node_modules (or the internet).
import { cpSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static", "vendor");
const files = [
  ["@utrecht/component-library-css/dist/index.css", "utrecht/component-library.css"],
  ["@utrecht/design-tokens/dist/index.css", "utrecht/design-tokens.css"],
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  ["axe-core/axe.min.js", "axe-core/axe.min.js"],
];
for (const [from, to] of files) {
  const src = join(root, "node_modules", from);
  if (!existsSync(src)) {
    if (from.startsWith("axe-core")) continue; // dev-only, absent with --omit=dev
    throw new Error(`Missing front-end asset: ${src}`);
  }
  mkdirSync(dirname(join(out, to)), { recursive: true });
  cpSync(src, join(out, to));
}
console.log(`copied ${files.length} assets to static/vendor`);
