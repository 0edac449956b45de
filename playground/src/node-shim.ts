// What the browser bundle gets for node:fs, node:worker_threads, node:os, node:url and
// node:module (playground/build.mjs). The engine imports them for paths, the cache and worker
// threads, none of which a text input uses: every function here throws, so a call would show up
// as an error in the page (the browser test fails on any console error).
function unavailable(name: string): never {
  throw new Error(`${name} is not available in the browser: the playground lints text, never files`);
}

const stub =
  (name: string) =>
  (..._args: unknown[]): never =>
    unavailable(name);

export const isMainThread = true;
export const workerData = null;
export const Worker = stub('worker_threads.Worker');
export const MessageChannel = stub('worker_threads.MessageChannel');
export const receiveMessageOnPort = stub('worker_threads.receiveMessageOnPort');
export const availableParallelism = stub('os.availableParallelism');
export const fileURLToPath = stub('url.fileURLToPath');
export const pathToFileURL = stub('url.pathToFileURL');
export const createRequire = stub('module.createRequire');
export const existsSync = stub('fs.existsSync');
export const readFileSync = stub('fs.readFileSync');
export const readdirSync = stub('fs.readdirSync');
export const statSync = stub('fs.statSync');
export const openSync = stub('fs.openSync');
export const closeSync = stub('fs.closeSync');
export const readSync = stub('fs.readSync');
export const writeSync = stub('fs.writeSync');
export const writeFileSync = stub('fs.writeFileSync');
export const renameSync = stub('fs.renameSync');
export const unlinkSync = stub('fs.unlinkSync');
export const chmodSync = stub('fs.chmodSync');
export const constants = {};
export const fstatSync = stub('fs.fstatSync');
export const lstatSync = stub('fs.lstatSync');
export const mkdirSync = stub('fs.mkdirSync');
export const realpathSync = stub('fs.realpathSync');
export const homedir = stub('os.homedir');
