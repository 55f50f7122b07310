// The quiz, its nicknames and the leaderboard as phones show them; in Swedish (English in the -en module beside it). The big screen's,
// the control view's and the editor's texts are in ./quiz-presenter.ts, which phones never load.

export const quizSv = {
  'quiz.chooseOne': 'Välj ett svar',
  'quiz.chooseMany': 'Välj alla svar som du tror är rätt',
  'quiz.sent': 'Svar skickat',
  'quiz.error.empty': 'Välj ett svar först.',
  'quiz.error.chooseOne': 'Välj bara ett svar.',

  'nickname.label': 'Välj ett smeknamn',
  'nickname.hint': 'Högst {max} tecken. Det visas på topplistan.',
  'nickname.submit': 'Spela',
  'nickname.skip': 'Spela utan smeknamn',
  'nickname.sending': 'Skickar…',
  'nickname.queued': 'Smeknamnet skickas när anslutningen är tillbaka…',
  'nickname.empty': 'Skriv ett smeknamn först.',
  'nickname.tooLong': 'Smeknamnet får vara högst {max} tecken.',
  'nickname.playingAs': 'Du spelar som {nickname}',
  'nickname.skipped': 'Du spelar utan smeknamn.',

  'score.heading': 'Ditt resultat',
  'score.waiting': 'Räknar poängen…',
  'score.right': 'Rätt svar!',
  'score.wrong': 'Fel svar.',
  'score.notAnswered': 'Du svarade inte på frågan.',
  'score.points': '+{points} poäng',
  'score.noCorrect': 'Frågan hade inget rätt svar markerat, så ingen fick poäng.',
  'score.correctWas': 'Rätt svar: {options}',
  'score.total': 'Totalt {total} poäng',
  'score.rank': 'Plats {rank} av {players}',
  'score.noRank': 'Du har inte svarat på någon quizfråga än.',

  'leaderboard.noNickname': 'Utan smeknamn',
  'leaderboard.place': 'Plats {rank}',
  'leaderboard.points': '{score} poäng',
  'leaderboard.empty': 'Ingen har fått poäng än.',
} as const;
