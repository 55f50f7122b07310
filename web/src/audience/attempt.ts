/** One answer on its way to the server, or refused by it. */
export type Attempt = { clientId: string; status: 'sending' } | { clientId: string; status: 'error'; message: string };

/** What the phone tells the person about their answer. */
export type AnswerState = 'not-sent' | 'sending' | 'queued' | 'saved' | 'changing' | 'error';
