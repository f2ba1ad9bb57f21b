// Sentence splitting with exact offsets. v0: split on sentence punctuation followed by white space
// and a capital, except after known abbreviations; blank lines always end a unit.
import type { Section, Sentence } from '../model/document.ts';

const ABBREVIATIONS = /\b(?:Inc|Corp|Ltd|Co|Dr|Mr|Mrs|Ms|Ph\.D|M\.D|U\.S|No|e\.g|i\.e|vs|St|Jr|Sr|Mass|Calif|N\.J|N\.Y|Pa|Ill|Fla|Wash|Conn|Md|Va|approx|Nos)\.$/;

export function splitSentences(cleanText: string, sections: readonly Section[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const section of sections) {
    let cursor = section.start;
    const emit = (start: number, end: number): void => {
      while (start < end && /\s/.test(cleanText[start] ?? '')) start++;
      while (end > start && /\s/.test(cleanText[end - 1] ?? '')) end--;
      if (end > start) sentences.push({ index: sentences.length, start, end, section: section.kind, boilerplate: section.kind === 'about' });
    };
    const re = /([.!?]["”’)]?)(\s+)(?=["“(]?[A-Z0-9])|\n\s*\n/g;
    re.lastIndex = section.start;
    const body = cleanText.slice(0, section.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(body)) !== null) {
      const punctEnd = m.index + (m[1]?.length ?? 0);
      if (m[1] && ABBREVIATIONS.test(body.slice(Math.max(section.start, m.index - 8), m.index + 1))) continue;
      emit(cursor, m[1] ? punctEnd : m.index);
      cursor = m.index + m[0].length;
    }
    emit(cursor, section.end);
  }
  return sentences;
}
