// The collection script's zip in a tenant import: its files (shared/import/collectionZip) go to the
// Graph import by their content, as loose files do, each page in order. A file the zip's manifest
// names that is not a Graph export, two organizations, a kind given both in the zip and as a file,
// or an organization of another tenant than the manifest's are refused in words: nothing is written.
import { CollectionImportError, memberLabelJa, readCollectionZip, type CollectionManifest, type ReadCollectionOptions } from '../../shared/import/collectionZip';
import type { ExportText, GraphExportFiles } from '../../shared/import/graph';
import { normalizeId } from '../../shared/domain/ids';
import type { ImportFile, ImportZip } from './importProtocol';
import { tenantFileKind } from './tenantFileKind';
import { withoutBom } from '../../shared/import/decode';

type GraphKind = 'subscribedSkus' | 'subscriptions' | 'users' | 'organization';
export type LooseGraphFiles = Partial<Record<GraphKind, ImportFile>>;

export interface CollectionFiles {
  manifest: CollectionManifest;
  pages: Partial<Record<GraphKind, ExportText[]>>;
}

/** The zip's files by kind, each kind's pages in the manifest's order. */
export function collectionFiles(zip: ImportZip, options: ReadCollectionOptions = {}): CollectionFiles {
  const { manifest, files } = readCollectionZip(zip.bytes, zip.file, options);
  const pages: Partial<Record<GraphKind, ExportText[]>> = {};
  files.forEach((f, i) => {
    const kind = tenantFileKind(f.text);
    const name = manifest.files[i]!;
    if (kind === null || kind === 'adminCenterUsers' || kind === 'partnerCenterCustomer') {
      throw new CollectionImportError({ code: 'INVALID_SHAPE', file: f.file, reason: 'NOT_A_GRAPH_EXPORT' }, memberLabelJa(name, zip.file));
    }
    (pages[kind] ??= []).push(f);
  });
  const orgs = pages.organization ?? [];
  if (orgs.length > 1) {
    throw new CollectionImportError(
      { code: 'INVALID_SHAPE', file: orgs[1]!.file, reason: 'SECOND_ORGANIZATION', params: { first: orgs[0]!.file } },
      memberLabelJa(manifest.files[files.indexOf(orgs[1]!)]!, zip.file),
    );
  }
  const org = orgs[0];
  const orgId = org ? organizationId(org.text) : null;
  if (org && orgId && orgId !== manifest.tenantId) {
    throw new CollectionImportError(
      { code: 'INVALID_VALUE', file: org.file, record: 1, field: 'id', reason: 'COLLECTION_TWO_TENANTS', params: { tenant: orgId, manifestTenant: manifest.tenantId } },
      memberLabelJa(manifest.files[files.indexOf(org)]!, zip.file),
    );
  }
  return { manifest, pages };
}

/** The organization's id (its tenant id), when the body has one; the Graph import says what else is wrong. */
function organizationId(text: string): string | null {
  try {
    const body = JSON.parse(withoutBom(text)) as { id?: unknown; value?: { id?: unknown }[] };
    const id = Array.isArray(body.value) ? body.value[0]?.id : body.id;
    return typeof id === 'string' && id.trim() !== '' ? normalizeId(id) : null;
  } catch {
    return null;
  }
}

/** Loose files and a collection zip together: a kind given in both is refused (which one is meant?). */
export function graphExportFiles(loose: LooseGraphFiles, zip: ImportZip | undefined, options: ReadCollectionOptions = {}): GraphExportFiles {
  if (!zip) return loose;
  const { pages } = collectionFiles(zip, options);
  const files: GraphExportFiles = { ...loose };
  for (const kind of Object.keys(pages) as GraphKind[]) {
    const given = loose[kind];
    const inZip = pages[kind]!;
    if (given) {
      throw new CollectionImportError({ code: 'INVALID_VALUE', file: given.file, reason: 'GIVEN_TWICE', params: { kind, zip: zip.file } });
    }
    if (kind === 'organization') files.organization = inZip[0]!;
    else files[kind] = inZip;
  }
  return files;
}
