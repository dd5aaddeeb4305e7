// The storage a mutator runs on (Dexie in the app, PostgreSQL on the server): the mutators' body
// never knows which. Apart from define.ts so that what define.ts uses (summaries.ts) can use it too.
import type { TableName, Tables } from '../workspace/tables';

export interface ReadTx {
  get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined>;
  /** Rows whose `field` equals `value` (an indexed lookup on both storages). */
  query<T extends TableName>(table: T, field: keyof Tables[T] & string, value: string): Promise<Tables[T][]>;
  /** Every row of `table`: a plain read that needs no index (the workspace keeps few, to keep pulls cheap). */
  all<T extends TableName>(table: T): Promise<Tables[T][]>;
}

export interface WriteTx extends ReadTx {
  /** Creates the row, or replaces it whole. */
  put<T extends TableName>(table: T, row: Tables[T]): Promise<void>;
  /** Changes some fields (undefined values are left alone): the unit of the field-level merge. */
  update<T extends TableName>(table: T, id: string, patch: Partial<Tables[T]>): Promise<void>;
  delete(table: TableName, id: string): Promise<void>;
  /**
   * Optional: creates or replaces several rows of one table, with exactly the effect of `put` on
   * each in order. A storage that can batch (one round trip instead of one per row) provides it;
   * mutators call `putRows`, which falls back to `put`.
   */
  putMany?<T extends TableName>(table: T, rows: Tables[T][]): Promise<void>;
}

/** Puts rows through the storage's batch path when it has one. */
export async function putRows<T extends TableName>(tx: WriteTx, table: T, rows: Tables[T][]): Promise<void> {
  if (tx.putMany) {
    await tx.putMany(table, rows);
    return;
  }
  for (const row of rows) await tx.put(table, row);
}
