/** Codes from what a person pasted: separated by spaces, commas, semicolons or new lines; upper-cased, once each. */
export function parseCodeList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
}

/** "83 KB", "1.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The page's form field for an API field name ("input.codes" -> "codes"). */
export function formField(apiField: string | null): string | null {
  return apiField ? apiField.replace(/^input\./, '') : null;
}
