// The presenter's choice of pace (PaceControl): only the presenter's page shows it, so both languages live here and
// are spread into the presenter catalogues; the phone's chunks never carry them.

export const pacePresenterSv = {
  'paceControl.legend': 'Vem styr tempot?',
  'paceControl.presenter': 'Talaren styr',
  'paceControl.audience': 'Deltagarna i egen takt',
  'paceControl.openUntil': 'Öppen till',
  'paceControl.openUntilHint': 'Till och med den dagen, högst {days} dagar framåt. Tomt: ingen slutdag.',
  'paceControl.apply': 'Ändra tempot',
  'paceControl.badDate': 'Välj en dag från i dag och högst {days} dagar framåt.',
  'paceControl.nowPresenter': 'Alla följer dina bilder.',
  'paceControl.nowAudience': 'Deltagarna går igenom bilderna i egen takt.',
  'paceControl.nowAudienceUntil': 'Deltagarna går igenom bilderna i egen takt och kan svara fram till {date}.',
} as const;

export const pacePresenterEn: Record<keyof typeof pacePresenterSv, string> = {
  'paceControl.legend': 'Who sets the pace?',
  'paceControl.presenter': 'The speaker leads',
  'paceControl.audience': 'Participants at their own pace',
  'paceControl.openUntil': 'Open until',
  'paceControl.openUntilHint': 'Up to and including that day, at most {days} days ahead. Empty: no end.',
  'paceControl.apply': 'Change the pace',
  'paceControl.badDate': 'Choose a day from today and at most {days} days ahead.',
  'paceControl.nowPresenter': 'Everyone follows your slides.',
  'paceControl.nowAudience': 'Participants move through the slides at their own pace.',
  'paceControl.nowAudienceUntil': 'Participants move through the slides at their own pace and can answer until {date}.',
};
