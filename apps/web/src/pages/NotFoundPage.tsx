import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <section className="page" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Page not found</h1>
      <p>
        <Link to="/">Go to the organizations</Link>.
      </p>
    </section>
  );
}
