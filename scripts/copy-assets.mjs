// tsc compiles TypeScript only: copy the SQL migrations beside the compiled store.
import { cpSync } from 'node:fs';

cpSync('src/store/migrations', 'dist/store/migrations', { recursive: true });
