// A config file kubeplan cannot use: reported as a usage error, with no run.
export class ConfigError extends Error {}
