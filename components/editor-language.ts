// Which Monaco language a file of a lab node opens in: by name, and by where it lives.
/** Monaco's language id for a path in a lab node. */
export function languageFor(path: string): string {
  const name = path.split('/').pop() ?? '';
  if (/\.(ya?ml)$/.test(name)) return 'yaml';
  if (/\.(json|conflist)$/.test(name) || /^\/etc\/cni\/net\.d\/.+\.conf$/.test(path)) return 'json';
  if (/\.(sh|bash)$/.test(name) || /^\.?(bashrc|profile)$/.test(name)) return 'shell';
  if (path.startsWith('/etc/nginx/') || /nginx.*\.conf$/.test(name)) return 'nginx';
  if (/\.(ini|conf|cfg)$/.test(name)) return 'ini';
  return 'plaintext';
}
