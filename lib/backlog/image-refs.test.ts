import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { parseImageRef } from "@/lib/components/image-ref";

import { isImagePlaceholder, isImageRef } from "./image-refs";

// The general cases live in parse-backlog.test.ts; these pin the rules layered on parseImageRef.
const SHA256 = `sha256:${"0123456789abcdef".repeat(4)}`;

describe("isImageRef on top of parseImageRef", () => {
  it.each([
    ["quay.io/team/app", true],
    [`quay.io/team/app@${SHA256}`, true],
    [`team/app:1@${SHA256}`, true],
    // parseImageRef takes "IMG=public.ecr.aws" for a registry; a make argument is not an image.
    ["IMG=public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.4", false],
    ["ubuntu:22.04", false],
    ["main.go:12", false],
    [`quay.io/team/app@sha512:${"0123456789abcdef".repeat(8)}`, false],
    // Repository names are lowercase; the importer could not read these, so they are not references.
    ["quay.io/Team/App:1", false],
    ["quay.io/team/app:v1*", false],
  ])("%s → %s", (value, expected) => {
    expect(isImageRef(value)).toBe(expected);
  });

  it("only reports references the importer can read", () => {
    const accepted = ["public.ecr.aws/neuron/neuron-device-plugin:*", "localhost:5000/team/app", "ubi9/ubi-minimal:9.7"];
    for (const value of accepted) {
      expect(isImageRef(value)).toBe(true);
      expect(parseImageRef(value)).not.toBeNull();
    }
  });
});

describe("isImagePlaceholder", () => {
  // The expression it replaced tried every "image" to the end of the text; kept as the oracle.
  const ORACLE = /\bimage\b[^()]*\((?:TBD|TBC|TBA|unknown|to be determined)\)$/i;
  const word = fc.constantFrom("image", "Image", "images", "x", " ", "(", ")", "(TBD)", "(unknown)", "(to be determined)", "_");

  it("equals the expression on any text", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }).map((parts) => parts.join("")), (text) => {
        expect(isImagePlaceholder(text)).toBe(ORACLE.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ["Publish the operator image (TBD)", true],
    ["Publish the image (see notes) (TBD)", false],
    ["An imagery pass (TBD)", false],
  ])("%s → %s", (text, expected) => {
    expect(isImagePlaceholder(text)).toBe(expected);
  });
});
