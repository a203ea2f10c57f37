// IPv4 arithmetic for subnet params: addresses as unsigned 32-bit numbers.

export interface Subnet {
  /** The network address as a number. */
  base: number;
  prefix: number;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const PREFIX = '(?:3[0-2]|[12]?\\d)';
/** An IPv4 network in CIDR notation; also the JSON Schema pattern editors check. */
export const CIDR_PATTERN = `^${OCTET}(?:\\.${OCTET}){3}/${PREFIX}$`;
const CIDR = new RegExp(CIDR_PATTERN);

export function toInt(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

export function toIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function size(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** The subnet a CIDR names, or undefined when it is not one (10.0.0.1/8 is a host, not a network). */
export function parseSubnet(cidr: string): Subnet | undefined {
  if (!CIDR.test(cidr)) return undefined;
  const [ip, prefix] = cidr.split('/') as [string, string];
  const subnet = { base: toInt(ip), prefix: Number(prefix) };
  return subnet.base % size(subnet.prefix) === 0 ? subnet : undefined;
}

export function formatSubnet(subnet: Subnet): string {
  return `${toIp(subnet.base)}/${subnet.prefix}`;
}

export function contains(outer: Subnet, inner: Subnet): boolean {
  return inner.prefix >= outer.prefix && inner.base - (inner.base % size(outer.prefix)) === outer.base;
}

export function overlaps(a: Subnet, b: Subnet): boolean {
  return contains(a, b) || contains(b, a);
}

export function netmask(prefix: number): string {
  return toIp(2 ** 32 - size(prefix));
}
