import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { smtpConfigured, smtpFrom } from "./email-config";

// One SMTP transport per process, made from SMTP_URL on first use.
const globalForMail = globalThis as unknown as { certboardMail?: { url: string; transport: Transporter } };

function transport(): Transporter {
  const url = process.env.SMTP_URL!.trim();
  if (globalForMail.certboardMail?.url !== url) {
    globalForMail.certboardMail = { url, transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return globalForMail.certboardMail.transport;
}

export type Mail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

/** Sends one message; throws with the server's answer when it is refused. */
export async function sendMail(mail: Mail): Promise<{ messageId: string }> {
  if (!smtpConfigured()) throw new Error("Email is off: SMTP_URL is not set.");
  const info = await transport().sendMail({ from: smtpFrom(), ...mail });
  return { messageId: info.messageId };
}
