// Lighthouse and size benchmark: prints a table, asserts nothing.
//
//   node .ci/bench.mjs <dist dir> <app url> <floor url> [runs]
//
// The floor is the same pre-rendered article with the same stylesheet and no
// script: the fastest this page can be. Our FCP and LCP are printed as ratios
// to it, measured in the same run under the same (simulated) throttling.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

// The tools live in .tools/node_modules (installed by .ci/bench), which ES
// module resolution does not search from .ci/: import them by path.
const modules = process.env.TOOLS_NODE_MODULES;
if (!modules) throw new Error('TOOLS_NODE_MODULES is not set (run .ci/bench)');
const load = (p) => import(pathToFileURL(path.join(modules, p)).href);
const { default: lighthouse } = await load('lighthouse/core/index.js');
const { default: desktopConfig } = await load('lighthouse/core/config/desktop-config.js');
const chromeLauncher = await load('chrome-launcher/dist/index.js');

const [dist, appUrl, floorUrl, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 3);
if (!dist || !appUrl || !floorUrl || !(runs > 0)) {
  console.error('usage: node .ci/bench.mjs <dist dir> <app url> <floor url> [runs]');
  process.exit(2);
}

// ---- sizes -------------------------------------------------------------
// The forms module (src/deferred.rs) loads only near a form: its own row,
// outside the first-load total.
const isForms = (f) => f.startsWith('forms-');
const files = fs.readdirSync(dist).filter((f) => !isForms(f));
const kinds = [
  ['wasm', (f) => f.endsWith('_bg.wasm')],
  ['JS', (f) => f.endsWith('.js')],
  ['CSS', (f) => f.endsWith('.css')],
  ['HTML', (f) => f === 'index.html'],
];
const kb = (n) => (n / 1024).toFixed(1);
const sizeRows = [];
const total = { raw: 0, gzip: 0, br: 0 };
const sizesOf = (names) => {
  const row = { raw: 0, gzip: 0, br: 0 };
  for (const f of names) {
    const bytes = fs.readFileSync(path.join(dist, f));
    row.raw += bytes.length;
    const gz = path.join(dist, f + '.gz');
    const br = path.join(dist, f + '.br');
    row.gzip += fs.existsSync(gz) ? fs.statSync(gz).size : zlib.gzipSync(bytes, { level: 9 }).length;
    row.br += fs.existsSync(br) ? fs.statSync(br).size : zlib.brotliCompressSync(bytes).length;
  }
  return row;
};
for (const [kind, match] of kinds) {
  const row = sizesOf(files.filter(match));
  sizeRows.push([kind, row]);
  for (const k of Object.keys(total)) total[k] += row[k];
}
const forms = sizesOf(
  fs.readdirSync(dist).filter((f) => isForms(f) && (f.endsWith('.js') || f.endsWith('_bg.wasm'))),
);
console.log('\nFirst-load bytes (everything the page loads: HTML, CSS, loader JS, wasm-bindgen JS, wasm)');
console.log('| asset | raw KiB | gzip KiB | brotli KiB |');
console.log('| --- | ---: | ---: | ---: |');
for (const [kind, r] of sizeRows) console.log(`| ${kind} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.br)} |`);
console.log(`| **total** | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.br)} |`);
console.log(`| forms module, on demand (not in the total) | ${kb(forms.raw)} | ${kb(forms.gzip)} | ${kb(forms.br)} |`);

// ---- lighthouse ----------------------------------------------------------
const chromeFlags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const metricIds = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function lighthouseOnce(url, formFactor) {
  const chrome = await chromeLauncher.launch({ chromeFlags });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error' };
    const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

async function audit(url, formFactor) {
  const samples = [];
  let failures = 0;
  while (samples.length < runs) {
    const lhr = await lighthouseOnce(url, formFactor);
    if (lhr.runtimeError) {
      // Trace-recording hiccups (NO_NAVSTART, ...) happen on a busy machine;
      // retry a few times, then give up loudly.
      console.error(`lighthouse ${formFactor} ${url}: ${lhr.runtimeError.code}, retrying`);
      if (++failures > 3) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      continue;
    }
    const s = {};
    for (const [cat, v] of Object.entries(lhr.categories)) s[cat] = Math.round(v.score * 100);
    for (const [name, id] of Object.entries(metricIds)) s[name] = lhr.audits[id].numericValue;
    samples.push(s);
  }
  const out = {};
  for (const key of Object.keys(samples[0])) out[key] = median(samples.map((s) => s[key]));
  return out;
}

const rows = [];
for (const formFactor of ['mobile', 'desktop']) {
  const app = await audit(appUrl, formFactor);
  const floor = await audit(floorUrl, formFactor);
  rows.push({ formFactor, app, floor });
}

const fmtMs = (v) => `${Math.round(v)} ms`;
console.log(`\nLighthouse 12.2.3, median of ${runs} runs, simulated throttling (mobile: Moto G Power / slow 4G; desktop: Lighthouse desktop preset)`);
console.log('| page | form factor | Perf | A11y | Best Pr. | SEO | FCP | LCP | TBT | CLS | Speed Index |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { formFactor, app, floor } of rows) {
  for (const [name, r] of [['app', app], ['static floor', floor]]) {
    console.log(`| ${name} | ${formFactor} | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${fmtMs(r.FCP)} | ${fmtMs(r.LCP)} | ${fmtMs(r.TBT)} | ${r.CLS.toFixed(3)} | ${fmtMs(r.SI)} |`);
  }
}
console.log('\nRatios to the static floor (target <= 1.10 on mobile)');
console.log('| form factor | FCP ratio | LCP ratio |');
console.log('| --- | ---: | ---: |');
for (const { formFactor, app, floor } of rows) {
  console.log(`| ${formFactor} | ${(app.FCP / floor.FCP).toFixed(2)} | ${(app.LCP / floor.LCP).toFixed(2)} |`);
}
