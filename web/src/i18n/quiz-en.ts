// The English texts of ./quiz.ts, in a module of their own: a Swedish phone never downloads them.
import type { quizSv } from './quiz';

export const quizEn: Record<keyof typeof quizSv, string> = {
  'quiz.chooseOne': 'Choose one answer',
  'quiz.chooseMany': 'Choose every answer you think is right',
  'quiz.sent': 'Answer sent',
  'quiz.error.empty': 'Choose an answer first.',
  'quiz.error.chooseOne': 'Choose one answer only.',
  'quiz.awaitingStart': 'The question starts soon – wait for the presenter.',
  'quiz.paused': 'The countdown is paused – {seconds, plural, one {# second} other {# seconds}} left.',

  'nickname.label': 'Choose a nickname',
  'nickname.hint': 'At most {max} characters. It is shown on the leaderboard.',
  'nickname.submit': 'Play',
  'nickname.skip': 'Play without a nickname',
  'nickname.sending': 'Sending…',
  'nickname.queued': 'Your nickname will be sent when the connection is back…',
  'nickname.empty': 'Write a nickname first.',
  'nickname.tooLong': 'A nickname may be at most {max} characters.',
  'nickname.playingAs': 'You are playing as {nickname}',
  'nickname.skipped': 'You are playing without a nickname.',

  'score.heading': 'Your result',
  'score.waiting': 'Counting the points…',
  'score.right': 'Right answer!',
  'score.wrong': 'Wrong answer.',
  'score.notAnswered': 'You did not answer the question.',
  'score.points': '+{points} points',
  'score.noCorrect': 'No right answer was marked for the question, so no one scored.',
  'score.correctWas': 'Right answer: {options}',
  'score.total': '{total} points in all',
  'score.rank': 'Place {rank} of {players}',
  'score.noRank': 'You have not answered a quiz question yet.',

  'leaderboard.noNickname': 'No nickname',
  'leaderboard.place': 'Place {rank}',
  'leaderboard.points': '{score} points',
  'leaderboard.empty': 'No one has scored yet.',
};
