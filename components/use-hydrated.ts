'use client';
import { useEffect, useState } from 'react';

/**
 * False until React has hydrated the page. Buttons whose work is JavaScript stay disabled until
 * then: a click on server-rendered HTML would do nothing, or submit a plain form.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
