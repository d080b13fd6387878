/** A failure the office can act on: its message (Chinese) is printed as it is, without a stack. */
export class DeployError extends Error {
  override name = 'DeployError';
}

/** Where a deploy reports progress: one line at a time. */
export type DeployLog = (line: string) => void;
