// Command-line parsing only: it calls the pipeline and picks a renderer.
export async function main(_argv: string[]): Promise<number> {
  process.stderr.write("kubeplan: not implemented yet\n");
  return 1;
}
