// The package ships no types; this is the part Ettor uses.
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: 'swedish' | 'english'): Stemmer };
  export default snowball;
}
