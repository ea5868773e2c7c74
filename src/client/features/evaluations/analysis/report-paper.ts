/** Paper sizes of the report's PDF, in mm; apart from the PDF code so the page can offer them without loading jsPDF. */
export const PAPERS = {
  a4: { label: 'A4', width: 210, height: 297 },
  letter: { label: 'US Letter', width: 215.9, height: 279.4 },
} as const;
export type Paper = keyof typeof PAPERS;

/** Letter where the reader's locale prints on it (the US, Canada, Mexico and a few others), A4 elsewhere. */
export function defaultPaper(locale: string): Paper {
  const region = (() => {
    try {
      return new Intl.Locale(locale).maximize().region;
    } catch {
      return undefined;
    }
  })();
  return region && ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PR'].includes(region) ? 'letter' : 'a4';
}
