import { defineConfig } from 'drizzle-kit';

// Only used to generate migrations (npm run db:generate); they are applied from code at start-up.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle'
});
