/**
 * The path with each segment that does not decode (`%zz`, `%E0%A4%A`, an encoded lone surrogate) escaped so it
 * decodes to exactly the text that was sent; undefined when every segment decodes already.
 */
export function literalPath(pathname: string): string | undefined {
  let changed = false;
  const segments = pathname.split('/').map((segment) => {
    try {
      decodeURIComponent(segment);
      return segment;
    } catch {
      changed = true;
      return segment.replace(/%/g, '%25');
    }
  });
  return changed ? segments.join('/') : undefined;
}
