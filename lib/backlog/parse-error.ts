import { AppError } from "../errors";

// The only error parseBacklog throws, so every door can answer "not a backlog" the same way.

export type BacklogParseErrorCode = "no_items" | "not_markdown";

export class BacklogParseError extends AppError {
  declare readonly code: BacklogParseErrorCode;

  constructor(code: BacklogParseErrorCode, message: string, details?: unknown) {
    super(code, message, details);
    this.name = "BacklogParseError";
  }
}
