// The Kubernetes release rules are being evaluated for, for the library
// functions whose answers changed between releases (the format library's
// words, the strings extension's offsets past the end). Evaluation is
// synchronous: the release is set around it by withRelease; outside it the
// newest behaviour applies.

let evaluating: string | undefined;

/** `run`, with the libraries answering as in `kubernetesVersion`. */
export function withRelease<T>(kubernetesVersion: string, run: () => T): T {
  const outer = evaluating;
  evaluating = kubernetesVersion;
  try {
    return run();
  } finally {
    evaluating = outer;
  }
}

/** The release being evaluated for, or undefined (the newest). */
export function evaluatedRelease(): string | undefined {
  return evaluating;
}
