import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageFor } from './editor-language';

test('files open in the language their name or place says', () => {
  assert.equal(languageFor('/root/pod.yaml'), 'yaml');
  assert.equal(languageFor('/etc/netplan/01.yml'), 'yaml');
  assert.equal(languageFor('/etc/cni/net.d/10-bridge.conflist'), 'json');
  assert.equal(languageFor('/etc/cni/net.d/10-bridge.conf'), 'json');
  assert.equal(languageFor('/root/result.json'), 'json');
  assert.equal(languageFor('/root/solve.sh'), 'shell');
  assert.equal(languageFor('/root/.bashrc'), 'shell');
  assert.equal(languageFor('/etc/nginx/sites-enabled/default'), 'nginx');
  assert.equal(languageFor('/etc/nginx/nginx.conf'), 'nginx');
  assert.equal(languageFor('/etc/dnsmasq.conf'), 'ini');
  assert.equal(languageFor('/etc/hosts'), 'plaintext');
});
