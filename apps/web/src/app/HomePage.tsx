import { Link } from 'react-router';
import { CodeSearch } from '@denialmap/web/feature-search';

const POPULAR = [
  { code: '70390', label: 'X-ray exam of salivary duct' },
  { code: '99213', label: 'Office visit, established patient' },
  { code: '93000', label: 'Electrocardiogram, complete' },
  { code: '71046', label: 'Chest x-ray, 2 views' },
];

/** Home: find a code by number or by words, or start from a popular one. */
export function HomePage() {
  return (
    <section className="home">
      <h1>What does Medicare pay for a code, and why do claims for it get denied?</h1>
      <p className="lede">Fee schedule amounts with the math shown, from the CMS files in force on your date of service.</p>
      <CodeSearch />
      <h2>Popular codes</h2>
      <ul className="popular">
        {POPULAR.map((p) => (
          <li key={p.code}>
            <Link to={`/codes/${p.code}`}>
              <strong>{p.code}</strong> {p.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
