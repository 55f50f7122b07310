// The quiz's and the leaderboard's texts only the presenter's page shows (big screen, control view, editor); spread
// into both presenter catalogues. A module of its own, so the phone's chunks never carry them.

export const quizPresenterSv = {
  'kind.quiz': 'Quiz',
  'kind.leaderboard': 'Topplista',

  'quiz.screen.seconds': 'sekunder',
  'quiz.screen.correct': 'Rätt svar',
  'quiz.screen.rightOf': '{right} av {total} svarade rätt',
  'quiz.screen.noCorrect': 'Inget rätt svar är markerat',
  'quiz.table.correct': 'Rätt svar',
  'quiz.table.yes': 'Ja',
  'quiz.table.no': 'Nej',
  'quiz.summary.correct': '✓ {label} (rätt svar)',

  'quiz.control.group': 'Nedräkning',
  'quiz.control.extend': 'Förläng {seconds} s',
  'quiz.control.pause': 'Pausa nedräkningen',
  'quiz.control.resume': 'Fortsätt nedräkningen ({seconds} s kvar)',
  'quiz.control.paused': 'Nedräkningen är pausad. Svaren är öppna tills du fortsätter eller stänger dem.',

  'quiz.editor.correct': 'Rätt svar',
  'quiz.editor.correctLabel': 'Rätt svar: alternativ {n}',
  'quiz.editor.noCorrect': 'Markera minst ett rätt svar. Utan rätt svar får ingen poäng.',
  'quiz.editor.multiple': 'Flera svar är rätta: deltagarna väljer alla de tror är rätt',
  'quiz.editor.multipleHint': 'Bara den som väljer exakt de rätta svaren får poäng.',
  'quiz.editor.timer': 'Nedräkning',
  'quiz.editor.timerHint':
    'Nedräkningen startar när frågan visas första gången. Medan den pågår kan du förlänga den, pausa den eller stänga svaren.',
  'quiz.editor.seconds': 'Sekunder att svara',
  'quiz.editor.secondsInvalid': 'Ange ett heltal från {min} till {max}.',
  'quiz.editor.points': 'Poäng för rätt svar',
  'quiz.editor.pointsInvalid': 'Ange ett heltal från 0 till {max}.',
  'quiz.editor.speed': 'Snabba svar ger fler poäng (hälften av poängen för ett rätt svar i sista sekunden)',

  'leaderboard.screen.noQuiz': 'Det finns ingen quizfråga före topplistan.',
  'leaderboard.screen.noQuizWhy': 'Topplistan räknar ihop poängen från quizfrågorna före den. Lägg till dem i redigeraren.',
  'leaderboard.screen.empty': 'Inga poäng än',
  'leaderboard.screen.emptyWhy': 'Topplistan fylls när någon har svarat på en quizfråga.',
  'leaderboard.screen.players': 'Spelare: {count}',
  'leaderboard.table.caption': 'Topplista: {heading}',
  'leaderboard.table.rank': 'Plats',
  'leaderboard.table.nickname': 'Smeknamn',
  'leaderboard.table.score': 'Poäng',
  'leaderboard.summary.quizzes': 'Spelare: {players} · Quizfrågor: {quizzes}',

  'leaderboard.editor.hint': 'Topplistan räknar ihop poängen från alla quizfrågor före den i presentationen.',
  'leaderboard.editor.podium': 'Visa de tre bästa på en prispall (för slutet av ett quiz)',
  'leaderboard.editor.shown': 'Antal spelare på listan',
  'leaderboard.editor.shownInvalid': 'Ange ett heltal från {min} till {max}.',
} as const;

export const quizPresenterEn: Record<keyof typeof quizPresenterSv, string> = {
  'kind.quiz': 'Quiz',
  'kind.leaderboard': 'Leaderboard',

  'quiz.screen.seconds': 'seconds',
  'quiz.screen.correct': 'Right answer',
  'quiz.screen.rightOf': '{right} of {total} answered right',
  'quiz.screen.noCorrect': 'No right answer is marked',
  'quiz.table.correct': 'Right answer',
  'quiz.table.yes': 'Yes',
  'quiz.table.no': 'No',
  'quiz.summary.correct': '✓ {label} (right answer)',

  'quiz.control.group': 'Countdown',
  'quiz.control.extend': 'Extend {seconds} s',
  'quiz.control.pause': 'Pause the countdown',
  'quiz.control.resume': 'Resume the countdown ({seconds} s left)',
  'quiz.control.paused': 'The countdown is paused. Answers stay open until you resume it or close them.',

  'quiz.editor.correct': 'Right answer',
  'quiz.editor.correctLabel': 'Right answer: option {n}',
  'quiz.editor.noCorrect': 'Mark at least one right answer. Without one, no one scores.',
  'quiz.editor.multiple': 'Several answers are right: participants choose every one they think is right',
  'quiz.editor.multipleHint': 'Only those who choose exactly the right answers score.',
  'quiz.editor.timer': 'Countdown',
  'quiz.editor.timerHint':
    'The countdown starts when the question is first shown. While it runs, you can extend it, pause it or close the answers.',
  'quiz.editor.seconds': 'Seconds to answer',
  'quiz.editor.secondsInvalid': 'Enter a whole number from {min} to {max}.',
  'quiz.editor.points': 'Points for a right answer',
  'quiz.editor.pointsInvalid': 'Enter a whole number from 0 to {max}.',
  'quiz.editor.speed': 'Quick answers score more (half the points for a right answer in the last second)',

  'leaderboard.screen.noQuiz': 'There is no quiz question before the leaderboard.',
  'leaderboard.screen.noQuizWhy': 'The leaderboard adds up the points of the quiz questions before it. Add them in the editor.',
  'leaderboard.screen.empty': 'No points yet',
  'leaderboard.screen.emptyWhy': 'The leaderboard fills up once someone has answered a quiz question.',
  'leaderboard.screen.players': 'Players: {count}',
  'leaderboard.table.caption': 'Leaderboard: {heading}',
  'leaderboard.table.rank': 'Place',
  'leaderboard.table.nickname': 'Nickname',
  'leaderboard.table.score': 'Points',
  'leaderboard.summary.quizzes': 'Players: {players} · Quiz questions: {quizzes}',

  'leaderboard.editor.hint': 'The leaderboard adds up the points of every quiz question before it in the presentation.',
  'leaderboard.editor.podium': 'Show the top three on a podium (for the end of a quiz)',
  'leaderboard.editor.shown': 'Players on the list',
  'leaderboard.editor.shownInvalid': 'Enter a whole number from {min} to {max}.',
};
