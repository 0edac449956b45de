/** The tool could not do its job (bad flag, unreadable path, no file found): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
