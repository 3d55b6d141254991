import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { checkAccessible } from "./axe";
import { expect, test } from "./fixtures";
import { stateFile } from "./people";

// An admin connects a webhook to a receiver this spec runs, presses Send test, and reads the
// delivery (its status code and attempts) in the log; then redelivers it and deletes the webhook.
test.use({ storageState: stateFile("admin") });

test("an admin adds a webhook, sends a test and sees it delivered in the log", async ({ page }, testInfo) => {
  const received: { headers: IncomingHttpHeaders; raw: Buffer }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook-${randomUUID().slice(0, 8)}`;
  const secret = `secret-${randomUUID()}`;

  try {
    await page.goto("/settings/webhooks");
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    const form = page.getByRole("form", { name: "New webhook" });

    // A URL that is not http(s) is refused in the form, naming the field.
    await form.getByLabel("URL").fill("ftp://example.test/hook");
    await form.getByRole("checkbox", { name: /evidence went stale/ }).check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(form.getByText("must start with http:// or https://", { exact: true })).toBeVisible();

    await form.getByLabel("URL").fill(url);
    await form.getByLabel("Format").selectOption("json");
    await form.getByLabel("Secret").fill(secret);
    await form.getByRole("button", { name: "Add webhook" }).click();

    const item = page.getByTestId("webhook-item").filter({ hasText: url });
    await expect(item).toContainText("All products");
    await expect(item).toContainText("evidence.stale");
    await expect(item).toContainText("Active");

    await item.getByRole("button", { name: "Send test" }).click();
    await expect(item.getByRole("status").filter({ hasText: "Test delivered" })).toContainText("HTTP 200");
    const row = item.getByTestId("delivery-row").first();
    await expect(row).toContainText("A test from Certboard");
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("HTTP 200");

    // The receiver got the signed JSON body.
    const sent = received.find((r) => r.headers["x-certboard-event"] === "webhook.test");
    expect(sent).toBeDefined();
    expect(sent!.headers["x-certboard-signature"]).toBe(`sha256=${createHmac("sha256", secret).update(sent!.raw).digest("hex")}`);

    await row.getByText("1 attempt").click();
    await expect(row.getByRole("listitem").first()).toContainText("#1");

    await row.getByRole("button", { name: /Redeliver/ }).click();
    await expect(item.getByText(/Redelivered: HTTP 200/)).toBeVisible();
    await expect(item.getByTestId("delivery-row").first()).toContainText("2 attempts");

    await checkAccessible(page, testInfo, "settings-webhooks");

    page.once("dialog", (dialog) => void dialog.accept());
    await item.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("webhook-item").filter({ hasText: url })).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
