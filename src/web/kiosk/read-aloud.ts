// Optional read-aloud with the browser's own speech synthesis: the text of the screen's main
// region, in the screen's language, read again whenever the screen changes.

export function canReadAloud(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

export function stopReading(): void {
  if (canReadAloud()) window.speechSynthesis.cancel();
}

export function readAloud(text: string, language: string): void {
  if (!canReadAloud()) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text.replace(/\s+/g, ' ').trim());
  utterance.lang = language === 'en' ? 'en-GB' : 'zh-CN';
  utterance.rate = 0.9;
  window.speechSynthesis.speak(utterance);
}
