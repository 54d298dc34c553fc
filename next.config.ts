import type { NextConfig } from "next";

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
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
