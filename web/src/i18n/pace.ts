// A session at the audience's own pace and following the big screen from afar, as phones show them; in Swedish (the
// core catalogue; English in ./pace-en.ts). The presenter's control is in ./pace-presenter.ts, which phones never load.

export const paceSv = {
  'error.session_closed': 'Sessionen har stängt och tar inte emot fler svar.',

  'pace.nav': 'Bilderna',
  'pace.previous': 'Föregående',
  'pace.next': 'Nästa',
  'pace.openUntil': 'Du kan svara fram till {date}.',
  'pace.closed': 'Den här sessionen stängde {date}.',

  'follow.label': 'Jag är inte i rummet – visa storbildens resultat',
  'follow.count': '{count, plural, one {# svar} other {# svar}}',
  'follow.mean': 'medel {mean} av {steps}',
  'follow.rank': 'plats {rank} i snitt',
  'follow.points': '{points} poäng i snitt',
  'follow.place': '{x} {meanX}, {y} {meanY}',
  'follow.outside': 'Utanför områdena',
  'follow.none': 'Inga svar än.',
} as const;
