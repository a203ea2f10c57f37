// Creates a run, says its id, then waits to be killed: the gc test's crashed server.
import { DockerDriver } from '../../sandbox/docker';

const run = await new DockerDriver().createRun({ nodes: [{ name: 'node01' }], ttlSeconds: 600 });
console.log(`run=${run.id}`);
setInterval(() => {}, 1000);
