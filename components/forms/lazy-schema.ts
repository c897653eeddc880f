/**
 * Loads a `lib/schemas/*` module on first use. Forms validate with the same zod schema as their server action,
 * but zod is ~31 KB gzip: importing it statically would put it in every form page's first load. Call the
 * returned function on the form's first focus (prefetch, so submitting feels instant) and await it on submit.
 */
export function lazySchema<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      // A failed chunk fetch (offline for a moment) must not stick: the next submit tries again.
      loading = undefined;
      throw e;
    }));
}
