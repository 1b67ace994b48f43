// drizzle-kit reads this to turn db/schema.ts into SQL migrations in db/migrations/.
// `npm run db:generate` after every schema change; both runtimes apply the same files.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
