// The lessons teach everything in the source notes: content/coverage.yaml maps each heading and
// bullet of the notes to lessons, and these tests hold the map to the notes, the lessons' topics
// and the lessons' words. On a clone without the notes beside it, the map is still checked
// against the lessons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCoverage, parseNotes, readCoverageMap, readNotes, suggestTerm, NOTES_FILE, type CoverageProblem } from './coverage';
import { loadContent } from './loader';

const report = (problems: CoverageProblem[]) =>
  problems.map((p) => `${p.section}${p.bullet ? ` [${p.bullet}]` : ''}: ${p.message}`).join('\n');

describe('coverage of the source notes', async () => {
  const catalogue = await loadContent();
  const map = await readCoverageMap();
  const notes = await readNotes();
  const problems = await checkCoverage(map, catalogue, notes);
  const of = (kind: CoverageProblem['kind']) => problems.filter((p) => p.kind === kind);

  it('maps every heading and bullet of the notes, and nothing else', { skip: notes ? false : `no notes at ${NOTES_FILE}` }, () => {
    assert.equal(report(of('notes')), '');
  });

  it('maps each heading and bullet to lessons that list its section in their topics', () => {
    assert.equal(report(of('lessons')), '');
  });

  it('finds each bullet\'s term in every lesson mapped to it', () => {
    assert.equal(report(of('terms')), '');
  });

  it('gives every lesson topics that are sections of the notes', () => {
    assert.equal(report(of('topics')), '');
  });
});

describe('notes parser', () => {
  const notes = parseNotes([
    '# Title', '', '## Container Networking', '', '### Linux Bridge', '- Create with `ip link add <name> type bridge`',
    '- STP prevents loops', '### Docker Networking', '#### Network Types', '1. **None** - No network (`--network none`)',
    '- Record types:', '  - A (IPv4 address)', '  - A (IPv4 address)', '```yaml', '- not: a bullet', '```',
  ].join('\n'));

  it('makes slug paths of headings below the title, and keys of bullets', () => {
    assert.deepEqual(notes.map((s) => s.path), [
      'container-networking', 'container-networking/linux-bridge', 'container-networking/docker-networking',
      'container-networking/docker-networking/network-types',
    ]);
    assert.deepEqual(notes[1]!.bullets.map((b) => b.key), ['create-with-ip-link-add', 'stp-prevents-loops']);
    assert.deepEqual(notes[3]!.bullets.map((b) => [b.key, b.bold]), [
      ['none', 'None'], ['record-types', undefined], ['a-ipv4-address', undefined], ['a-ipv4-address-2', undefined],
    ]);
  });

  it('takes a bold term or a command as the term, else words a lesson uses', () => {
    const [, bridge, , types] = notes;
    assert.equal(suggestTerm(bridge!.bullets[0]!, []), 'ip link add');
    assert.equal(suggestTerm(types!.bullets[0]!, []), 'None');
    assert.equal(suggestTerm(bridge!.bullets[1]!, ['the stp prevents loops when two bridges meet']), 'STP prevents loops');
    assert.equal(suggestTerm(bridge!.bullets[1]!, ['nothing relevant']), undefined);
  });
});
