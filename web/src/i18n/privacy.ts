// Privacy: how long answers are kept (admin) and deleting a session for good; spread into both catalogues.

export const privacySv = {
  'privacy.retention': 'Hur länge svaren sparas',
  'privacy.retentionHelp':
    'Gäller alla presentationer på servern. När tiden har gått raderas en avslutad sessions svar, dolda ord och delade länkar för gott. Sessionen finns kvar i listan med sitt datum. Pågående sessioner rörs aldrig.',
  'privacy.keepForever': 'Spara svaren för alltid',
  'privacy.deleteAfter': 'Radera svaren ett antal dagar efter att sessionen avslutats',
  'privacy.days': 'Antal dagar',
  'privacy.daysHint': 'Ett heltal från {min} till {max}. Svaren raderas inom en timme efter att tiden har gått.',
  'privacy.daysInvalid': 'Skriv ett heltal från {min} till {max}.',
  'privacy.savedForever': 'Sparat. Svaren sparas för alltid.',
  'privacy.savedDays': 'Sparat. Svaren raderas {days} dagar efter att sessionen avslutats.',
  'privacy.deleteSession': 'Ta bort sessionen',
  'privacy.deleteSessionFrom': 'Ta bort sessionen från {date}',
  'privacy.confirmDelete': 'Ta bort sessionen från {date} och alla dess svar? Det går inte att ångra.',
  'privacy.confirmDeleteLive':
    'Sessionen från {date} pågår. Ta bort den ändå? Den avslutas, deltagarna kopplas bort och alla svar raderas. Det går inte att ångra.',
  'privacy.sessionDeleted': 'Sessionen från {date} är borttagen.',
  'privacy.answersDeleted': 'Svaren raderades {date}',
} as const;

export const privacyEn: Record<keyof typeof privacySv, string> = {
  'privacy.retention': 'How long answers are kept',
  'privacy.retentionHelp':
    "Applies to every presentation on this server. Once the time has passed, an ended session's answers, hidden words and share links are deleted for good. The session stays in the list with its date. Sessions still running are never touched.",
  'privacy.keepForever': 'Keep answers for ever',
  'privacy.deleteAfter': 'Delete answers a number of days after the session ends',
  'privacy.days': 'Number of days',
  'privacy.daysHint': 'A whole number from {min} to {max}. Answers are deleted within an hour once the time has passed.',
  'privacy.daysInvalid': 'Enter a whole number from {min} to {max}.',
  'privacy.savedForever': 'Saved. Answers are kept for ever.',
  'privacy.savedDays': 'Saved. Answers are deleted {days} days after their session ends.',
  'privacy.deleteSession': 'Delete session',
  'privacy.deleteSessionFrom': 'Delete the session from {date}',
  'privacy.confirmDelete': 'Delete the session from {date} and all its answers? This cannot be undone.',
  'privacy.confirmDeleteLive':
    'The session from {date} is still running. Delete it anyway? It ends, participants are disconnected and every answer is deleted. This cannot be undone.',
  'privacy.sessionDeleted': 'The session from {date} has been deleted.',
  'privacy.answersDeleted': 'Answers deleted on {date}',
};
