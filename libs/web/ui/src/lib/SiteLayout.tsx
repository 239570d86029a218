import type { ReactNode } from 'react';

/** Page frame: brand, main navigation, and the notices every page with CPT content must carry. */
export function SiteLayout({ children, nav }: { children: ReactNode; nav: ReactNode }) {
  return (
    <div className="site">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">
            Denial<span className="brand-accent">Map</span>
          </span>
          <nav aria-label="Main">{nav}</nav>
        </div>
      </header>
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Fee schedule data: Centers for Medicare &amp; Medicaid Services (CMS), Medicare Physician Fee Schedule relative
          value files. Amounts are national Medicare estimates for a typical case, not a guarantee of payment.
        </p>
        <p>
          CPT® codes and short descriptors are copyright American Medical Association. All rights reserved. CDT codes are
          copyright American Dental Association.
        </p>
      </footer>
    </div>
  );
}
