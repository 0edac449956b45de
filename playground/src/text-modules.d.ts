// esbuild's text loader: a .yaml/.yml import is the file's text.
declare module '*.yaml' {
  const text: string;
  export default text;
}
declare module '*.yml' {
  const text: string;
  export default text;
}
