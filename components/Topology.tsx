// The lab's nodes and the networks joining them, with addresses, as an SVG.
export interface TopologyNode {
  name: string;
  addresses: { network: string; subnet: string; address: string }[];
}

const NODE_W = 150;
const NODE_H = 64;
const GAP = 40;

export function Topology({ nodes }: { nodes: TopologyNode[] }) {
  const networks = [...new Map(nodes.flatMap((n) => n.addresses.map((a) => [a.network, a.subnet] as const))).entries()];
  const width = Math.max(360, nodes.length * (NODE_W + GAP) + GAP);
  const netY = (i: number) => 130 + i * 56;
  const height = netY(networks.length) + 10;
  const nodeX = (i: number) => GAP + i * (NODE_W + GAP);
  return (
    <svg className="topology" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Lab topology: ${nodes.map((n) => n.name).join(', ')}`}>
      {networks.map(([network, subnet], ni) => (
        <g key={network}>
          <line x1={GAP / 2} x2={width - GAP / 2} y1={netY(ni)} y2={netY(ni)} className="net-line" />
          <text x={GAP / 2} y={netY(ni) + 20} className="net-label">{network === 'lab' ? 'lab network' : network} · {subnet}</text>
        </g>
      ))}
      {nodes.map((node, i) => (
        <g key={node.name}>
          {node.addresses.map((a) => {
            const ni = networks.findIndex(([n]) => n === a.network);
            return <line key={a.network} x1={nodeX(i) + NODE_W / 2} x2={nodeX(i) + NODE_W / 2} y1={20 + NODE_H} y2={netY(ni)} className="link-line" />;
          })}
          <rect x={nodeX(i)} y={20} width={NODE_W} height={NODE_H} rx={10} className="node-box" />
          <text x={nodeX(i) + NODE_W / 2} y={46} textAnchor="middle" className="node-name">{node.name}</text>
          <text x={nodeX(i) + NODE_W / 2} y={66} textAnchor="middle" className="node-addr">{node.addresses.map((a) => a.address).join(', ')}</text>
        </g>
      ))}
    </svg>
  );
}
