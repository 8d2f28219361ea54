import type { ReactNode } from 'react';

/** The page's h1; focusable so that navigation can move focus to it. */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h1 className="page-title" id={id} tabIndex={-1}>
      {children}
    </h1>
  );
}
