import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';

const POPULAR = [
  { code: '70390', label: 'X-ray exam of salivary duct' },
  { code: '99213', label: 'Office visit, established patient' },
  { code: '93000', label: 'Electrocardiogram, complete' },
  { code: '71046', label: 'Chest x-ray, 2 views' },
];

/** Home: go straight to a code. (Search by words arrives with the code search API.) */
export function HomePage() {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalized = code.trim().toUpperCase();
    if (!/^(\d{4}[\dFTUM]|[A-V]\d{4})$/.test(normalized)) {
      setProblem('Enter a five-character CPT or HCPCS code, for example 70390 or G0121.');
      return;
    }
    navigate(`/codes/${normalized}`);
  }

  return (
    <section className="home">
      <h1>What does Medicare pay for a code, and why do claims for it get denied?</h1>
      <p className="lede">Fee schedule amounts with the math shown, from the CMS files in force on your date of service.</p>
      <form className="code-search" onSubmit={submit} noValidate>
        <label htmlFor="code">CPT/HCPCS code</label>
        <div className="code-search-row">
          <input
            id="code"
            name="code"
            inputMode="text"
            autoComplete="off"
            placeholder="70390"
            value={code}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'code-problem' : undefined}
            onChange={(e) => {
              setCode(e.target.value);
              setProblem(null);
            }}
          />
          <button type="submit">Look up</button>
        </div>
        {problem && (
          <p id="code-problem" className="field-problem" role="alert">
            {problem}
          </p>
        )}
      </form>
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
