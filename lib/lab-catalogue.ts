// The labs the web app offers, read from labs/ at run time (an instructor's edit shows up without
// a rebuild). A broken lab is listed with its errors instead of taking the catalogue down.
import { readEnv } from './env';
import { AppError } from './errors';
import { formatLabError, loadAllLabs } from './labs/loader';
import type { Lab } from './labs/schema';

export interface LabCatalogue {
  labs: Lab[];
  broken: { dir: string; errors: string[] }[];
}

// Reading and validating every lab.yaml takes tens of milliseconds; a page view should not pay
// that for each of its lookups.
const FRESH_MS = 3000;
let cached: { at: number; catalogue: Promise<LabCatalogue> } | undefined;

export function labCatalogue(root = readEnv().labsDir): Promise<LabCatalogue> {
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.catalogue;
  const catalogue = loadAllLabs(root).then((results) => ({
    labs: results.flatMap((r) => (r.lab ? [r.lab] : [])),
    broken: results.filter((r) => !r.lab).map((r) => ({ dir: r.dir, errors: r.errors.map((e) => formatLabError(e)) })),
  }));
  cached = { at: Date.now(), catalogue };
  return catalogue;
}

export async function findLab(id: string): Promise<Lab> {
  const lab = (await labCatalogue()).labs.find((l) => l.id === id);
  if (!lab) throw new AppError('NotFound', `There is no lab "${id}".`);
  return lab;
}
