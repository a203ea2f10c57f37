'use client';
// Shown when a page fails on the server; the details are in the server's log, not here.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="page narrow-page">
      <h1>Something went wrong</h1>
      <p className="lede">The page could not be shown. It has been logged; trying again often helps.</p>
      <p><button type="button" className="button" onClick={reset}>Try again</button></p>
    </main>
  );
}
