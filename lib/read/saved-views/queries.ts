// The saved views a user sees on the lead list: their own, and the views managers of their
// organisation share. Scoped to the viewer's tenant.
import type { Db } from '@/lib/db/client';

export type ViewListItem = {
  readonly viewId: string;
  readonly name: string;
  /** The list's search string, without its leading "?". */
  readonly query: string;
  readonly shared: boolean;
  readonly ownerName: string;
};

export type ViewerViews = { readonly own: readonly ViewListItem[]; readonly shared: readonly ViewListItem[] };

export async function savedViews(db: Db, viewer: { id: string; tenantId: string }): Promise<ViewerViews> {
  const rows = await db.savedViewRow.findMany({
    where: { tenantId: viewer.tenantId, deleted: false, OR: [{ ownerId: viewer.id }, { shared: true }] },
    orderBy: [{ name: 'asc' }, { viewId: 'asc' }],
  });
  const owners = await db.user.findMany({ where: { tenantId: viewer.tenantId, id: { in: [...new Set(rows.map((row) => row.ownerId))] } }, select: { id: true, name: true } });
  const names = new Map(owners.map((owner) => [owner.id, owner.name]));
  const item = (row: (typeof rows)[number]): ViewListItem => ({
    viewId: row.viewId, name: row.name, query: row.query, shared: row.shared, ownerName: names.get(row.ownerId) ?? row.ownerId,
  });
  return {
    own: rows.filter((row) => row.ownerId === viewer.id).map(item),
    shared: rows.filter((row) => row.ownerId !== viewer.id).map(item),
  };
}
