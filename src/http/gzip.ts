// Gzip with the web's CompressionStream, which Node 20 and Workers both have, so the same
// code pre-compresses a render on either runtime (no node:zlib on Workers).
export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}
