/** @type {import('next').NextConfig} */
const nextConfig = {
  // The original pages' URLs keep working.
  async rewrites() {
    return [
      { source: "/index.html", destination: "/" },
      { source: "/blog/index.html", destination: "/blog" },
      { source: "/blog/post.html", destination: "/blog/post" },
    ];
  },
};

module.exports = nextConfig;
