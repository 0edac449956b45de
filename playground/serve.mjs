// `npm run playground`: build the playground and serve its static files on localhost (esbuild's
// file server; any static server works, the page needs none of its own).
import * as esbuild from 'esbuild';
import { buildPlayground } from './build.mjs';

const dir = await buildPlayground();
const ctx = await esbuild.context({});
const { port } = await ctx.serve({ servedir: dir, host: '127.0.0.1', port: Number(process.env.PORT) || 8080 });
console.log(`trigger-lint playground: http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
