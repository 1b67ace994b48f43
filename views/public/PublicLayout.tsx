// The shell of the public pages: what a resident's phone loads.
import type { Child } from 'hono/jsx';
import { Document } from '../Document';

export interface PublicLayoutProps {
  title: string;
  description?: string;
  /** For pages shown in a newsroom's frame: links open in a new tab. */
  linksOpenNewTab?: boolean;
  children: Child;
}

export function PublicLayout({ title, description, linksOpenNewTab, children }: PublicLayoutProps) {
  return (
    <Document title={title} description={description} bodyClass="public" linksOpenNewTab={linksOpenNewTab}>
      <main id="main">{children}</main>
    </Document>
  );
}
