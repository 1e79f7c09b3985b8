// Copies the dashboard's third-party files from node_modules into tacitus/web/static/vendor,
// where the server finds them. They are installed from the npm registry, never committed.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "tacitus", "web", "static", "vendor");
const files = {
  "d3/dist/d3.min.js": "d3.min.js",
  "topojson-client/dist/topojson-client.min.js": "topojson-client.min.js",
  // 1:110m Natural Earth countries: about 100 kB, enough for a world view of event points.
  "world-atlas/countries-110m.json": "countries-110m.json",
  // the API's /docs page, served locally instead of from a CDN
  "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui-bundle.js",
  "swagger-ui-dist/swagger-ui.css": "swagger-ui.css",
};
mkdirSync(vendor, { recursive: true });
for (const [from, to] of Object.entries(files)) {
  copyFileSync(join(root, "node_modules", from), join(vendor, to));
}
console.log(`dashboard assets copied to ${vendor}`);
