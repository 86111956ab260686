import 'server-only';
// Importing a do-not-call list: each row a BlockNumber command with the source `import:<import id>`,
// checked first against the list as it stands (lib/do-not-call/import-rows.ts).
import { handleCommand } from '@/lib/commands/handle-command';
import { dncAggregate } from '@/lib/do-not-call/aggregate';
import { dncStreamId, importSource } from '@/lib/do-not-call/do-not-call';
import { DNC_IMPORT_ROWS, dncRowChecker, type DncImportRow } from '@/lib/do-not-call/import-rows';
import { blockedNumbers } from '@/lib/read/do-not-call/queries';
import { rowCommandId } from './import-ids';
import type { ImportKind } from './import-kind';

export const doNotCallImports: ImportKind<DncImportRow> = {
  name: 'do-not-call',
  shape: DNC_IMPORT_ROWS,
  async *check(db, tenant, importId, source) {
    const checker = dncRowChecker({ region: tenant.region, importId });
    let first = 0;
    for await (const records of source.batches()) {
      const read = checker.read(records, first);
      const listed = await blockedNumbers(db, tenant.tenantId, read.phones);
      yield { first, records, checks: checker.check(read, listed) };
      first += records.length;
    }
  },
  async store(store, context, importId, index, row) {
    return handleCommand(store, dncAggregate, {
      tenantId: context.tenantId,
      streamId: dncStreamId(row.phone),
      command: { type: 'BlockNumber', data: { phone: row.phone, reason: row.reason, source: importSource(importId) } },
      commandId: rowCommandId(importId, index),
      actor: context.actorId,
      now: context.now ?? new Date(),
    });
  },
};
