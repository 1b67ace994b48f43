// The shell of the public pages: what a resident's phone loads.
import type { Child } from 'hono/jsx';
import { Document } from '../Document';

export interface PublicLayoutProps {
  title: string;
  description?: string;
  children: Child;
}

export function PublicLayout({ title, description, children }: PublicLayoutProps) {
  return (
    <Document title={title} description={description} bodyClass="public">
      <main id="main">{children}</main>
    </Document>
  );
}
