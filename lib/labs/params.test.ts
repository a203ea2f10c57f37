import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadLab } from './loader';
import { drawParams, expand, renderLab, renderText } from './params';
import { ParamSpec } from './schema';

const params = (specs: Record<string, unknown>) => ({ params: Object.fromEntries(Object.entries(specs).map(([k, v]) => [k, ParamSpec.parse(v)])) });

const lab = params({
  red: { name: { prefix: 'red' }, default: 'red' },
  blue: { name: { prefix: 'blue', length: 6 }, default: 'blue' },
  net: { subnet: { pool: '192.168.0.0/16', prefix: 24 }, default: '192.168.15.0/24' },
  port: { choice: [80, 8080, 8443], default: 80 },
  gateway: { value: '10.0.0.1' },
});

describe('drawParams', () => {
  it('gives the curriculum defaults when asked', () => {
    assert.deepEqual(drawParams(lab, { useDefaults: true }), { red: 'red', blue: 'blue', net: '192.168.15.0/24', port: '80', gateway: '10.0.0.1' });
  });

  it('draws the same values for the same seed, and other values for another', () => {
    assert.deepEqual(drawParams(lab, { seed: 42 }), drawParams(lab, { seed: 42 }));
    assert.notDeepEqual(drawParams(lab, { seed: 42 }), drawParams(lab, { seed: 43 }));
  });

  it('draws values of the declared shape', () => {
    for (let seed = 0; seed < 200; seed++) {
      const drawn = drawParams(lab, { seed });
      assert.match(drawn.red!, /^red-[a-z0-9]{4}$/);
      assert.match(drawn.blue!, /^blue-[a-z0-9]{6}$/);
      assert.match(drawn.net!, /^192\.168\.\d{1,3}\.0\/24$/);
      assert.ok(['80', '8080', '8443'].includes(drawn.port!));
      assert.equal(drawn.gateway, '10.0.0.1');
    }
  });

  it("keeps a param's value for a seed when another param is added", () => {
    const more = params({ ...Object.fromEntries(Object.entries(lab.params)), extra: { name: { prefix: 'x' }, default: 'x' } });
    const { extra: _extra, ...before } = drawParams(more, { seed: 7 });
    assert.deepEqual(before, drawParams(lab, { seed: 7 }));
  });

  it('never draws overlapping subnets', () => {
    const tight = params({
      a: { subnet: { pool: '10.0.0.0/21', prefix: 24 }, default: '10.0.0.0/24' },
      b: { subnet: { pool: '10.0.0.0/21', prefix: 24 }, default: '10.0.1.0/24' },
      c: { subnet: { pool: '10.0.0.0/21', prefix: 23 }, default: '10.0.2.0/23' },
    });
    for (let seed = 0; seed < 100; seed++) {
      const drawn = drawParams(tight, { seed });
      const [a, b, c] = [drawn.a, drawn.b, drawn.c].map((s) => Number(s!.split('.')[2]));
      assert.notEqual(a, b);
      for (const block of [a!, b!]) assert.ok(block < c! || block >= c! + 2, JSON.stringify(drawn));
    }
  });

  it('says so when a pool has no room left for a subnet', () => {
    const full = params({
      a: { subnet: { pool: '10.0.0.0/23', prefix: 24 }, default: '10.0.0.0/24' },
      b: { subnet: { pool: '10.0.0.0/23', prefix: 24 }, default: '10.0.1.0/24' },
      c: { subnet: { pool: '10.0.0.0/23', prefix: 24 }, default: '10.0.0.0/24' },
    });
    assert.throws(() => drawParams(full, { seed: 1 }), /param c: pool 10\.0\.0\.0\/23 has no \/24 left that misses the lab's other subnets/);
  });
});

describe('renderText', () => {
  const values = { red: 'red', net: '192.168.15.0/24', wide: '10.8.0.0/14' };

  it('substitutes values and derives hosts of subnets', () => {
    assert.equal(
      renderText('ip -n {{red}} addr add {{net.host(1)}}/{{ net.prefix }} dev v; {{net}} {{net.network}} {{net.netmask}}', values),
      'ip -n red addr add 192.168.15.1/24 dev v; 192.168.15.0/24 192.168.15.0 255.255.255.0',
    );
    assert.equal(renderText('{{wide.host(1)}} {{wide.host(513)}} {{wide.netmask}}', values), '10.8.0.1 10.8.2.1 255.252.0.0');
  });

  it('leaves an escaped \\{{ as a literal {{', () => {
    assert.equal(renderText("kubectl get pod -o go-template='\\{{.status.podIP}}' in {{red}}", values), "kubectl get pod -o go-template='{{.status.podIP}}' in red");
  });

  it('reports each placeholder it cannot substitute, at its index', () => {
    const problems = (text: string) => expand(text, values).problems.map((p) => `${p.index} ${p.token}: ${p.message}`);
    assert.deepEqual(problems('ping {{blu}}'), ['5 {{blu}}: unknown param "blu"; params are red, net, wide']);
    assert.deepEqual(problems('{{red.host(1)}}'), ['0 {{red.host(1)}}: "red" is not a subnet param, so it has no .host']);
    assert.deepEqual(problems('a {{net.host(255)}}'), ['2 {{net.host(255)}}: host(255) is outside a /24: use host(1) to host(254)']);
    assert.deepEqual(problems('{{net.host}}'), ['0 {{net.host}}: host needs a number: host(1)']);
    assert.deepEqual(problems('{{net.gateway}}'), ['0 {{net.gateway}}: unknown member "gateway": a subnet has network, prefix, netmask and host(N)']);
    assert.deepEqual(problems('{{net.prefix(2)}}'), ['0 {{net.prefix(2)}}: "prefix" takes no argument']);
    assert.deepEqual(problems('{{ red blue }}'), ['0 {{ red blue }}: malformed placeholder "{{ red blue }}": use {{name}} or {{subnet.host(N)}}']);
    assert.deepEqual(problems('x {{red'), ['2 {{: unclosed "{{": write \\{{ for a literal {{']);
  });

  it('throws on an unknown param, which lint would have reported', () => {
    assert.throws(() => renderText('{{nope}}', values), /unknown param "nope"/);
  });
});

describe('renderLab', () => {
  it('substitutes in every templated text and nowhere else', async () => {
    const { lab } = await loadLab(join(import.meta.dirname, 'fixtures', 'valid', 'two-node-routing'));
    const values = drawParams(lab!, { useDefaults: true });
    const rendered = renderLab(lab!, values);
    assert.equal(rendered.description, 'Two nodes, a namespace `pod1` on node01 and the pod network `10.244.1.0/24`.\n');
    assert.deepEqual(rendered.sandbox.editorFiles, ['/etc/hosts', 'node02:/etc/netns/pod1/resolv.conf']);
    assert.equal(rendered.setup[0]!.script, 'ip netns add pod1');
    assert.equal(rendered.checkHelpers!.script, lab!.checkHelpers!.script);
    const [pod, route] = rendered.tasks as [NonNullable<typeof rendered.tasks[0]>, NonNullable<typeof rendered.tasks[0]>];
    assert.equal(pod.title, 'Give pod1 an address');
    assert.equal(pod.text, 'Put `10.244.1.2/24` in `pod1`; a literal {{ stays.');
    assert.equal(pod.hints[0]!.text, '`ip -n pod1 addr add ...`');
    assert.match(pod.check.script, /has_address pod1 10\.244\.1\.2 \|\| fail "expected 10\.244\.1\.2 in pod1"/);
    assert.equal(pod.solution.script, 'ip -n pod1 addr add 10.244.1.2/24 dev lo');
    assert.equal(route.text, 'On node02, route `10.244.1.0/24` via node01, and serve port 8080.\n');
    assert.match(route.check.script, /ip -j route show 10\.244\.1\.0\/24/);
    assert.equal(route.solution.explanation, 'The route covers 10.244.1.0, netmask 255.255.255.0, through host 1 of the pod network.');
    assert.equal(rendered.attempts[0]!.run[0]!.script, 'ip addr add 10.244.1.2/24 dev lo');
    assert.deepEqual(rendered.attempts[0]!.messages, { pod: 'expected 10.244.1.2 in pod1' });
    assert.deepEqual(rendered.params, lab!.params);
  });
});
