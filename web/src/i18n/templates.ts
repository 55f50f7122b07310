/** The template gallery shown when a presenter starts a new presentation. */
export const templatesSv = {
  'templates.heading': 'Ny presentation',
  'templates.intro': 'Börja med en tom presentation eller med en färdig mall. Mallen blir din egen kopia, som du kan ändra hur du vill.',
  'templates.choices': 'Välj hur du vill börja',
  'templates.blank': 'Tom presentation',
  'templates.blankDescription': 'Börja från början med en titelbild och lägg själv till frågorna.',
  'templates.slides': '{count} bilder',
  'templates.languageLabel': 'Språk:',
  'templates.language.sv': 'Svenska',
  'templates.language.en': 'Engelska',
  'templates.creditLabel': 'Bygger på:',
  'templates.loadFailed': 'Mallarna kunde inte hämtas. Du kan ändå börja med en tom presentation.',
  'templates.creating': 'Skapar presentationen…',
} as const;

export const templatesEn: Record<keyof typeof templatesSv, string> = {
  'templates.heading': 'New presentation',
  'templates.intro': 'Start with a blank presentation or a ready-made template. The template becomes your own copy, to change as you like.',
  'templates.choices': 'Choose how to start',
  'templates.blank': 'Blank presentation',
  'templates.blankDescription': 'Start from scratch with a title slide and add your own questions.',
  'templates.slides': '{count} slides',
  'templates.languageLabel': 'Language:',
  'templates.language.sv': 'Swedish',
  'templates.language.en': 'English',
  'templates.creditLabel': 'Based on:',
  'templates.loadFailed': 'The templates could not be loaded. You can still start with a blank presentation.',
  'templates.creating': 'Creating the presentation…',
};
