// Names of the saved files: the customer and the day, safe on Windows and macOS.

/** Letters and digits of any script kept (a Japanese customer name stays readable), the rest dashes. */
export function fileSlug(name: string): string {
  return name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'customer';
}

export function exportFileNames(customerName: string, day: string): { csv: string; script: string } {
  const slug = `${fileSlug(customerName)}-${day}`;
  return { csv: `license-changes-${slug}.csv`, script: `reassign-licenses-${slug}.ps1` };
}
