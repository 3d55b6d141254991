/**
 * Page loads in headless Chromium (Debian's, as the end-to-end tier uses): each page loaded cold
 * (a new browser context: empty cache) `loads` times while signed in. Per load: the largest
 * contentful paint (PerformanceObserver, after the load event settles), the load event, and the
 * JavaScript the page fetched (bytes over the wire and decoded). Medians are reported.
 */
import { chromium } from "@playwright/test";
import { median } from "./stats.mjs";

/**
 * @param {import("@playwright/test").Page} page
 * @returns {Promise<{ lcp: number | null, load: number | null, ttfb: number | null }>}
 */
async function paintTimes(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        /** @type {number | null} */
        let lcp = null;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lcp = entry.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
        // LCP candidates keep coming while the page renders; half a second of quiet after load ends it.
        setTimeout(() => {
          const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType("navigation")[0]);
          resolve({ lcp, load: nav ? nav.loadEventEnd : null, ttfb: nav ? nav.responseStart : null });
        }, 500);
      }),
  );
}

/**
 * @param {{ executablePath: string, base: string, cookies: { name: string, value: string }[], pages: { name: string, path: string }[], loads: number }} options
 */
export async function measurePages(options) {
  const browser = await chromium.launch({ executablePath: options.executablePath, headless: true });
  /** @type {Record<string, { path: string, status: number, lcpMs: number | null, loadMs: number | null, ttfbMs: number | null, scripts: number, jsTransferKiB: number, jsDecodedKiB: number, lcpSamples: (number | null)[] }>} */
  const results = {};
  try {
    for (const target of options.pages) {
      /** @type {{ lcp: number | null, load: number | null, ttfb: number | null }[]} */
      const times = [];
      let status = 0;
      let scripts = 0;
      let transfer = 0;
      let decoded = 0;
      for (let i = 0; i < options.loads; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        await context.addCookies(options.cookies.map((c) => ({ name: c.name, value: c.value, url: options.base })));
        const page = await context.newPage();
        /** @type {Promise<void>[]} */
        const pending = [];
        let n = 0;
        let wire = 0;
        let body = 0;
        page.on("response", (response) => {
          if (response.request().resourceType() !== "script") return;
          n++;
          pending.push(
            (async () => {
              const sizes = await response.request().sizes().catch(() => null);
              const bytes = await response.body().catch(() => null);
              wire += sizes?.responseBodySize ?? 0;
              body += bytes?.length ?? 0;
            })(),
          );
        });
        const response = await page.goto(`${options.base}${target.path}`, { waitUntil: "load" });
        status = response?.status() ?? 0;
        times.push(await paintTimes(page));
        await Promise.all(pending);
        // Script sizes do not change between cold loads; the last load's are reported.
        scripts = n;
        transfer = wire;
        decoded = body;
        await context.close();
      }
      const pick = (/** @type {"lcp" | "load" | "ttfb"} */ key) => {
        const values = times.map((t) => t[key]).filter((v) => typeof v === "number");
        return values.length ? median(/** @type {number[]} */ (values)) : null;
      };
      results[target.name] = {
        path: target.path,
        status,
        lcpMs: pick("lcp"),
        loadMs: pick("load"),
        ttfbMs: pick("ttfb"),
        scripts,
        jsTransferKiB: transfer / 1024,
        jsDecodedKiB: decoded / 1024,
        lcpSamples: times.map((t) => t.lcp),
      };
    }
  } finally {
    await browser.close();
  }
  return results;
}
