import type { NextConfig } from "next";
import { fixedSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Mail is rendered and sent by Node itself: bundled into a server action, react-email's
  // `await import("react-dom/server")` compiles to a bare `await` and crashes the module.
  serverExternalPackages: ["nodemailer", "@react-email/components", "@react-email/render"],
  reactStrictMode: true,
  // Type checking and lint run as their own steps of `npm test`; the build only builds.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(fixedSecurityHeaders).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
