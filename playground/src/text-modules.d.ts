// esbuild's text loader: a .yaml/.yml/.tf import is the file's text.
declare module '*.yaml' {
  const text: string;
  export default text;
}
declare module '*.yml' {
  const text: string;
  export default text;
}
declare module '*.tf' {
  const text: string;
  export default text;
}
