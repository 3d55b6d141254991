import path from "node:path";

// The people of the end-to-end run. auth.setup.ts creates them through the app's own doors
// (first-run setup, the users API, the sign-in page) and saves their signed-in browser states.
export const AUTH_DIR = path.resolve(process.cwd(), "e2e/.auth");
export const stateFile = (who: "admin" | "engineer" | "viewer") => path.join(AUTH_DIR, `${who}.json`);
export const TOKEN_FILE = path.join(AUTH_DIR, "engineer-token.json");

export const ADMIN = { name: "Ada Admin", email: "ada.admin@e2e.test", password: "correct-horse-battery-staple" };
export const ENGINEER = { name: "Erin Engineer", email: "erin.engineer@e2e.test", password: "engineer-password-1234" };
export const VIEWER = { name: "Vic Viewer", email: "vic.viewer@e2e.test", password: "viewer-password-12345" };
