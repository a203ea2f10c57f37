// The home page; the catalogue of modules, lessons and labs replaces it (issue 4).
export default function Home() {
  return (
    <main className="home">
      <h1>Netdojo</h1>
      <p className="tagline">Learn Kubernetes networking by building it: namespaces, bridges, routes, NAT, DNS, CNI, Services.</p>
      <p>Every lab runs on a real, disposable Linux sandbox, and every task is graded by sending real traffic.</p>
    </main>
  );
}
