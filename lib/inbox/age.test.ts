import { describe, expect, it } from "vitest";
import { ageText } from "./age";
import { bellLabel, unreadBadge } from "./schema";

const NOW = new Date("2026-12-05T12:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

describe("ageText", () => {
  it("says minutes, hours and days, then the date", () => {
    expect(ageText(ago(5), NOW)).toBe("just now");
    expect(ageText(ago(-30), NOW)).toBe("just now");
    expect(ageText(ago(5 * 60), NOW)).toBe("5 min ago");
    expect(ageText(ago(3 * 3600 + 59), NOW)).toBe("3 h ago");
    expect(ageText(ago(2 * 86400), NOW)).toBe("2 d ago");
    expect(ageText("2026-11-01T10:00:00Z", NOW)).toBe("1 Nov 2026");
  });
});

describe("the bell's words", () => {
  it("caps the badge at 99+ and names the count", () => {
    expect(unreadBadge(7)).toBe("7");
    expect(unreadBadge(99)).toBe("99");
    expect(unreadBadge(100)).toBe("99+");
    expect(bellLabel(3)).toBe("Notifications, 3 unread");
    expect(bellLabel(0)).toBe("Notifications, 0 unread");
    expect(bellLabel(250)).toBe("Notifications, more than 99 unread");
  });
});
