// The English texts of ./qa.ts, in a module of their own: a Swedish phone never downloads them.
import type { qaSv } from './qa';

export const qaEn: Record<keyof typeof qaSv, string> = {
  'qa.heading': 'Questions from the audience',
  'qa.anonymous': 'Anonymous',
  'qa.answered': 'Answered',

  'qa.ask.text': 'Your question',
  'qa.ask.name': 'Your name (optional)',
  'qa.ask.nameHint': 'Leave it empty to ask anonymously.',
  'qa.ask.anonymous': 'You are asking anonymously.',
  'qa.ask.signed': 'You are asking as {name}.',
  'qa.ask.onlyAnonymous': 'All questions here are anonymous.',
  'qa.ask.approveFirst': 'The presenter reviews the questions before everyone sees them.',
  'qa.ask.submit': 'Send question',
  'qa.ask.sending': 'Sending…',
  'qa.ask.queued': 'Your question will be sent when the connection is back…',
  'qa.ask.sent': 'Thank you! Your question has been sent.',
  'qa.ask.sentPending': 'Thank you! Your question has been sent and awaits approval before everyone sees it.',
  'qa.ask.refused': 'Your question was not sent: {message}',
  'qa.ask.open': 'Ask a question',
  'qa.ask.to': 'Your question goes to “{question}”.',

  'qa.error.empty': 'Write a question first.',
  'qa.error.tooLong': 'A question may be at most {max} characters.',
  'qa.error.nameTooLong': 'A name may be at most {max} characters.',

  'qa.phone.questions': 'Questions so far',
  'qa.phone.none': 'No questions yet. Ask the first one!',
  'qa.phone.sort': 'Sort',
  'qa.phone.popular': 'Popular',
  'qa.phone.newest': 'Newest',
  'qa.phone.vote': 'Vote for “{text}”, {votes}',
  'qa.phone.own': 'Your question',
  'qa.phone.ownVote': '“{text}” is your own question, so you cannot vote for it. {votes}',
  'qa.phone.pending': 'Awaiting approval',
  'qa.phone.pinned': 'On the big screen',
  'qa.phone.voteQueued': 'Your vote will be sent when the connection is back.',
  'qa.phone.voteRefused': 'Your vote was not counted: {message}',
};
