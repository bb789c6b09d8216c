/**
 * GCP update texts are Markdown in which the writers escaped their own heading marks: a post-
 * incident report starts `## \# Incident Report` then `## \#\# Summary` [F]. Dropping the outer
 * `## ` where an escaped `\#` follows, then the backslash escapes, gives back the intended
 * `# Incident Report` / `## Summary`. Reports written without escapes are left as they are.
 */
export function cleanGcpText(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/^#{1,6} (?=\\#)/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .trim();
}

/**
 * True when an update is a post-incident report: "Incident Report" at any heading level, in bold
 * or capitals, and Google's shorter "Mini Incident Report" and "Preliminary Incident Report" (7 of
 * the 13 reports in a year of the real incidents.json are those).
 */
export function isIncidentReport(cleanText: string): boolean {
  return /^\s*[#*]*\s*(?:(?:mini|preliminary)\s+)?incident report\b/i.test(cleanText);
}
