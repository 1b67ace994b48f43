// Vite's `?raw` imports: a file's text, bundled into the test, so the same suite reads its
// fixtures on Node and inside workerd (which has no file system to read them from).
declare module '*?raw' {
  const text: string;
  export default text;
}
