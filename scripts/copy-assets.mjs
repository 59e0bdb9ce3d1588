// tsc compiles TypeScript only: copy the SQL migrations beside the compiled store, and the pages'
// HTML, CSS and JavaScript beside the compiled plugins that serve them (src/plugins/ui.ts, docs.ts).
import { cpSync } from 'node:fs';

cpSync('src/store/migrations', 'dist/store/migrations', { recursive: true });
cpSync('src/ui', 'dist/ui', { recursive: true });
