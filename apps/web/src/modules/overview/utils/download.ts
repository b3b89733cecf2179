/** Saves a blob through a temporary link: the browser's normal download, no new window. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Northwind Robotics", v3 → northwind-robotics-v3 */
export function exportFileStem(organizationName: string, version: number | undefined): string {
  const slug = organizationName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'org-chart'}${version ? `-v${version}` : ''}-org-chart`;
}
