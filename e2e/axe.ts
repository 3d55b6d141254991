import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** The WCAG 2.1 A and AA rules; best-practice rules are left out so a failure always names a success criterion. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);

/** A full-page screenshot kept twice: as a report attachment and as a file under the output folder CI keeps. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** One readable line per element with a serious or critical violation: rule, impact, selector, help. */
export async function seriousViolations(page: Page, testInfo: TestInfo): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length > 0) {
    await testInfo.attach("axe-violations.json", { body: JSON.stringify(results.violations, null, 2), contentType: "application/json" });
  }
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${v.help} — ${v.helpUrl}`));
}

/** Fails on any serious or critical axe violation, listing rule, impact, help and the elements concerned. */
export async function expectNoSeriousViolations(page: Page, testInfo: TestInfo): Promise<void> {
  const blocking = await seriousViolations(page, testInfo);
  expect.soft(blocking, `serious or critical accessibility violations on ${page.url()}`).toEqual([]);
}

/** How wide the page is against the window, and the outermost elements that stick out. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth + 1;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join(".")}` : ""}`;
    // The outermost elements that stick out: their parent still fits, so they are where the overflow starts.
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > limit && el.parentElement && el.parentElement.getBoundingClientRect().right <= limit)
      .slice(0, 5)
      .map((el) => `${describe(el)} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
}

/** The page never scrolls sideways: wide content (tables, code) must scroll inside its own container. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, clientWidth, culprits } = await horizontalOverflow(page);
  expect.soft(scrollWidth, `page is wider than the ${clientWidth} px viewport; sticking out: ${culprits.join(", ") || "(none found)"}`).toBeLessThanOrEqual(clientWidth + 1);
}

/** Screenshot first (kept even when a check fails), then axe and the overflow check; both are reported together. */
export async function checkAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await keepScreenshot(page, testInfo, name);
  await expectNoSeriousViolations(page, testInfo);
  await expectNoHorizontalOverflow(page);
}
