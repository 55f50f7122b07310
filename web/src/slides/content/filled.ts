/** Whether a text field holds anything but white space. Its own module, so the phone's page needs no layout code. */
export const filled = (text: string) => text.trim() !== '';
