import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-brand-600 text-on-brand hover:bg-brand-700",
  secondary: "border border-line bg-white text-ink hover:bg-gray-50",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
} as const;

const SIZES = { md: "px-4 py-2", sm: "px-2.5 py-1" } as const;

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS; size?: keyof typeof SIZES };

export function Button({ variant = "primary", size = "md", type = "button", className = "", ...props }: Props) {
  return (
    <button
      type={type}
      className={`rounded-md text-sm font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-50 ${VARIANTS[variant]} ${SIZES[size]} ${className}`}
      {...props}
    />
  );
}
