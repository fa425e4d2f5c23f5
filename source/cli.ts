#!/usr/bin/env node
// podlife's entry point: tiny on purpose. React must see NODE_ENV=production
// before it loads (development React is several times slower), so every heavy
// module is imported after this line, lazily, by the command that needs it.
process.env['NODE_ENV'] ??= 'production';

const {run} = await import('./cli/run.js');
process.exitCode = await run(process.argv.slice(2));
