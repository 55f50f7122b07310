/** Stable error codes shared by HTTP responses and live error messages. */
export const ERROR_CODES = [
  'invalid_json',
  'validation_failed',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'setup_required',
  'signup_closed',
  'email_taken',
  'invalid_credentials',
  'unknown_code',
  'unknown_slide',
  'not_a_question',
  'wrong_answer_kind',
  'session_ended',
  'voting_closed',
  'already_answered',
  'too_many_entries',
  'too_few_entries',
  'too_long',
  'empty_answer',
  'unknown_option',
  'unknown_statement',
  'out_of_range',
  'skip_not_allowed',
  'duplicate_entry',
  'not_joined',
  'protocol_mismatch',
  'unsupported_media_type',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status each code is answered with. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_json: 400,
  validation_failed: 400,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  setup_required: 409,
  signup_closed: 403,
  email_taken: 409,
  invalid_credentials: 401,
  unknown_code: 404,
  unknown_slide: 404,
  not_a_question: 400,
  wrong_answer_kind: 400,
  session_ended: 409,
  voting_closed: 409,
  already_answered: 409,
  too_many_entries: 400,
  too_few_entries: 400,
  too_long: 400,
  empty_answer: 400,
  unknown_option: 400,
  unknown_statement: 400,
  out_of_range: 400,
  skip_not_allowed: 400,
  duplicate_entry: 400,
  not_joined: 409,
  protocol_mismatch: 400,
  unsupported_media_type: 415,
  internal: 500,
};

/** A rule violation found by a pure check; the boundary turns it into an HTTP or live error. */
export interface Problem {
  code: ErrorCode;
  message: string;
}
