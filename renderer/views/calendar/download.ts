/**
 * Save text as a file the way a web page does: a Blob behind an object URL, clicked through a
 * temporary `<a download>`. Works in the browser (`upstream serve`) and in Electron, which turns
 * it into its own save dialog.
 */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoking in the same task can cancel the download in some engines: let the click land first.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
}
