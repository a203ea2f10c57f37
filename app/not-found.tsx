import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page narrow-page">
      <h1>Not found</h1>
      <p className="lede">There is nothing here, or it belongs to someone else.</p>
      <p><Link href="/">Back to the catalogue</Link></p>
    </main>
  );
}
