// Email is on when SMTP_URL is set (smtp://user:pass@host:587, smtps://…:465); SMTP_FROM is the sender.

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

export function smtpFrom(): string {
  return process.env.SMTP_FROM?.trim() || "Certboard <certboard@localhost>";
}
