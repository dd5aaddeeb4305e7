// Gzip with the platform's CompressionStream (in the renderer, its workers, and Node 24 alike): an
// import's chunks are pushed compressed, several times smaller on the wire.
export async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
