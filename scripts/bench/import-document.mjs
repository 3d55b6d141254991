/**
 * A large backlog document in the customer's shape (shared/fixtures/backlog: summary table, items
 * under the four category sections with labelled lines, prose, action lists and image references,
 * then an implementation plan): `items` items in about `bytes` UTF-8 bytes. Each item stays within
 * the reader's per-document caps (lib/backlog/document-text.ts: 20,000 lines, 50,000 marks), so the
 * whole document is read; images come from a small set, so the import links items to a dozen
 * components rather than creating one per item.
 */

const IMAGES = Array.from({ length: 12 }, (_, i) => `quay.io/bench-import/component-${String(i + 1).padStart(2, "0")}:v1.${i}`);
const CHECKS = ["HasLicense", "HasNoProhibitedLabels", "RunAsNonRoot", "HasUniqueTag", "BasedOnUbi", "HasRequiredLabel"];
const PROSE =
  "The published image was built without the labels and the licence files the current Dockerfile declares, or a later build step overrode them; " +
  "the certification review reads the image as published, not the Dockerfile, so the build pipeline must produce what the repository describes. ";

/** @param {string} text @param {number} length */
const pad = (text, length) => (text.length >= length ? text : text + PROSE.repeat(Math.ceil((length - text.length) / PROSE.length))).slice(0, Math.max(length, text.length));

/** Eight non-blank lines and about twenty marks per item. @type {((i: number, prose: string) => string)[]} */
const TEMPLATES = [
  (i, prose) => `### P0-${i}: ${CHECKS[i % CHECKS.length]} fails on component ${(i % IMAGES.length) + 1} (BLOCKING)
**Source:** Red Hat Preflight Tests - ${CHECKS[i % CHECKS.length]} check FAILED  
**Effort:** ${1 + (i % 4)}-${2 + (i % 4)} days  
**Status:** ❌ FAILED - Published image \`${IMAGES[i % IMAGES.length]}\` does not pass

${prose}

**Action Required:**
1. Rebuild and republish the image with the current Dockerfile
2. Run preflight again and attach the results

`,
  (i, prose) => `### P1-${i}: Scheduler image ${i} (Non-UBI)
**Effort:** 30 minutes  
**Status:** ⚠️ NEEDS REVIEW

**Analysis:** ${prose}

`,
  (i, prose) => `### ~~P2-${i}: Scheduler extension ${i} missing SecurityContext~~
**Source:** Code Analysis (NOT from official Red Hat requirements)  
**Status:** ❌ NOT REQUIRED - No explicit SecurityContext requirement in official Red Hat certification docs

**Conclusion:** ${prose}

`,
  (i, prose) => `### ✅ Non-Root User Implementation ${i}
**Status:** ✅ COMPLIANT

${prose}

`,
];
const HEADINGS = [
  "## 🔴 CRITICAL BLOCKERS (Must Address to Proceed)",
  "## 🟢 NEEDS VERIFICATION (Should Check)",
  "## ❌ NOT REQUIRED (Based on Official Requirements)",
  "## ✅ ALREADY COMPLIANT",
];
/** Items per section, as shares: blockers dominate, as in real backlogs. */
const SHARES = [0.55, 0.15, 0.15, 0.15];

/**
 * @param {{ bytes: number, items: number }} size
 * @returns {{ text: string, items: number, bytes: number }}
 */
export function largeBacklog(size) {
  const counts = SHARES.map((share) => Math.round(size.items * share));
  const head = (/** @type {number[]} */ n) => `# Generated Certification Backlog

**Status:** ⚠️ BLOCKED - Critical fixes required  
**Last Updated:** January 2025

## 📊 Executive Summary

| Category | Status | Count | Effort |
|----------|--------|-------|--------|
| **CRITICAL BLOCKERS** | ❌ Must Fix | ${n[0]} items | 2-3 weeks |
| **NEEDS VERIFICATION** | ⚠️ Should Verify | ${n[1]} items | 30 minutes |
| **NOT REQUIRED** | ❌ Not Needed | ${n[2]} items | - |
| **COMPLIANT** | ✅ Already Done | ${n[3]} items | - |

---

`;
  const plan = `## 🚀 Implementation Plan

### Phase 1: Operator Image Fixes (30 minutes)
**Blockers:** P0-1, P0-2, P0-3

1. **Rebuild Published Image** (15 minutes)
   - Rebuild: \`make docker-build IMG=${IMAGES[0]}\`
   - Run preflight to verify

**Deliverable:** Operator image passing all preflight checks

---

### Phase 2: Container Prerequisites (2-3 weeks)
**Blockers:** P0-4

1. **Certify External Container Images** (2-3 weeks)
   - Submit each image for certification

**Deliverable:** All containers certified and published
`;
  const render = (/** @type {number} */ proseLength) =>
    head(counts) +
    counts
      .map((n, s) => {
        const template = /** @type {(i: number, prose: string) => string} */ (TEMPLATES[s]);
        const parts = [`${HEADINGS[s]}\n\n`];
        for (let i = 1; i <= n; i++) parts.push(template(i, pad(`Item ${i}: `, proseLength)));
        return parts.join("");
      })
      .join("") +
    plan;
  // Size the prose from a first rendering without it (the texts are ASCII but for a few marks).
  const bare = Buffer.byteLength(render(0), "utf8");
  const proseLength = Math.max(0, Math.floor((size.bytes - bare) / size.items));
  const text = render(proseLength);
  return { text, items: counts.reduce((a, b) => a + b, 0), bytes: Buffer.byteLength(text, "utf8") };
}
