// Next.js serves Netdojo's pages; server.ts wraps it to add the terminal WebSocket.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The dockerode stack and native modules stay plain Node requires on the server.
  serverExternalPackages: ['dockerode', 'ssh2', 'cpu-features', 'better-sqlite3', 'shiki', 'yaml'],
};

export default nextConfig;
