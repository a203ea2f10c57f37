// The labs the web app offers, read from labs/ at run time (an instructor's edit shows up without
// a rebuild). A broken lab is listed with its errors instead of taking the catalogue down.
import { readEnv } from './env';
import { AppError } from './errors';
import { freshFor } from './fresh';
import { formatLabError, loadAllLabs } from './labs/loader';
import type { Lab } from './labs/schema';

export interface LabCatalogue {
  labs: Lab[];
  broken: { dir: string; errors: string[] }[];
}

const loadCatalogue = freshFor(3000, async (root): Promise<LabCatalogue> => {
  const results = await loadAllLabs(root);
  return {
    labs: results.flatMap((r) => (r.lab ? [r.lab] : [])),
    broken: results.filter((r) => !r.lab).map((r) => ({ dir: r.dir, errors: r.errors.map((e) => formatLabError(e)) })),
  };
});

export function labCatalogue(root = readEnv().labsDir): Promise<LabCatalogue> {
  return loadCatalogue(root);
}

export async function findLab(id: string): Promise<Lab> {
  const lab = (await labCatalogue()).labs.find((l) => l.id === id);
  if (!lab) throw new AppError('NotFound', `There is no lab "${id}".`);
  return lab;
}
