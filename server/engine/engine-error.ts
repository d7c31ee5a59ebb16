/**
 * A refusal with its HTTP status, as the API answers it. A module of its own because both the request
 * checks in `run.ts` and every action family throw it, and `run.ts` imports the families.
 */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
