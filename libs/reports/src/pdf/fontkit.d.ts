// fontkit ships no types; rolemap only asks a font which characters it covers.
declare module 'fontkit' {
  const fontkit: { openSync(path: string): unknown };
  export default fontkit;
}
