/** @type {import('next').NextConfig} */
const nextConfig = {
  // The original pages' URLs keep working.
  async rewrites() {
    return [
      { source: "/index.html", destination: "/" },
      { source: "/about.html", destination: "/about" },
    ];
  },
};

module.exports = nextConfig;
