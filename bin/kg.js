#!/usr/bin/env node
// The `kg` command after `npm ci`: the sources are TypeScript run through tsx
// (no build step), so register its loader and start the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
