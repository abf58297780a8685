// Fails when the Nx project graph has a cycle (e.g. a service's test importing another service that
// imports it back), naming the projects of the cycle. Run by `npm run lint`, so by CI.
import { createProjectGraphAsync } from '@nx/devkit';

const graph = await createProjectGraphAsync({ exitOnError: true });
const edges = Object.fromEntries(
  Object.entries(graph.dependencies)
    .filter(([project]) => project in graph.nodes)
    .map(([project, deps]) => [project, deps.map((d) => d.target).filter((target) => target in graph.nodes)]),
);

/** One cycle through the graph as the list of its projects, or undefined when there is none. */
function findCycle() {
  const state = new Map(); // project -> 'open' while on the path, 'done' once all below it are seen
  const path = [];
  const visit = (project) => {
    state.set(project, 'open');
    path.push(project);
    for (const next of edges[project] ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(project, 'done');
    return undefined;
  };
  for (const project of Object.keys(edges).sort()) {
    if (state.has(project)) continue;
    const cycle = visit(project);
    if (cycle) return cycle;
  }
  return undefined;
}

const cycle = findCycle();
if (cycle) {
  console.error(`The Nx project graph has a cycle: ${cycle.join(' -> ')}`);
  console.error('Platform-wide tests that boot several services belong in e2e/ (see e2e/README.md).');
  process.exit(1);
}
console.log(`Nx project graph: ${Object.keys(edges).length} projects, no cycle`);
