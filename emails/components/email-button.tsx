import { Button } from "@react-email/components";

export function EmailButton({ href, children }: { href: string; children: string }) {
  return (
    <Button
      href={href}
      style={{
        backgroundColor: "#000091",
        color: "#ffffff",
        padding: "12px 20px",
        fontSize: "16px",
        fontWeight: 700,
        textDecoration: "none",
        display: "inline-block",
      }}
    >
      {children}
    </Button>
  );
}
