/** A bilingual string in the admin's language (Korean unless the admin is in English). */
export const inLanguage = (text: { en: string; ko: string }, language: string): string =>
  language === 'en' ? text.en : text.ko
