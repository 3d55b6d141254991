import { Badge, type Tone } from "@/components/ui/badge";
import { ROLE_LABELS, type TokenRole, type UserRole } from "@/lib/auth/schema";

const TONES: Record<UserRole | TokenRole, Tone> = { admin: "purple", engineer: "blue", viewer: "gray", uploader: "amber" };
const LABELS: Record<UserRole | TokenRole, string> = { ...ROLE_LABELS, uploader: "Uploader" };

export function RoleBadge({ role }: { role: string }) {
  const known = role in TONES ? (role as UserRole | TokenRole) : null;
  return <Badge tone={known ? TONES[known] : "gray"}>{known ? LABELS[known] : role}</Badge>;
}
