/**
 * The change feed is ordered by the transaction that wrote each event (`transaction_id`, `pg_current_xact_id()`),
 * then by id, and a reader is given only the events below the watermark of its snapshot, `report_feed_watermark()`:
 * every transaction with a lower id that could write to this database has finished, so no event can appear there
 * later. Writers no longer take one lock each and hold it to their commit for the ids to follow commit order.
 *
 * The watermark is the snapshot's lowest running transaction id (`pg_snapshot_xip`), or the next one to be assigned
 * when none runs (`pg_snapshot_xmax`), leaving out the transactions `pg_stat_activity` shows in another database of
 * the server: transaction ids are the server's, and a long transaction elsewhere would hold this feed back. A running
 * transaction it cannot place (finished by the time it looks, prepared, or hidden) holds the feed back, which is
 * always safe. The function is STABLE, so it reads the snapshot of the statement that calls it.
 *
 * Additive: the events stored before have transaction id 0 (a constant default, so no table rewrite), which sorts
 * before every new event and keeps their order by id, as they were delivered; new rows get the writing transaction's
 * id. A running older version still takes its feed lock and inserts without the column, which only costs it time.
 * Frozen in time: this file never imports from src/.
 */
import { type Kysely, sql } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await sql`alter table report_event add column transaction_id xid8 not null default '0'`.execute(db)
  await sql`alter table report_event alter column transaction_id set default pg_current_xact_id()`.execute(db)
  await db.schema.createIndex('report_event_feed_order_idx').on('report_event').columns(['transaction_id', 'id']).execute()
  await sql`create function report_feed_watermark() returns xid8 language sql stable as $$
    select coalesce(
      (select min(running.xid) from pg_snapshot_xip(pg_current_snapshot()) as running (xid)
        where not exists (
          select 1 from pg_stat_activity as activity
          where activity.backend_xid = running.xid::xid and activity.datname <> current_database()
        )),
      pg_snapshot_xmax(pg_current_snapshot()))
  $$`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`drop function if exists report_feed_watermark()`.execute(db)
  await db.schema.dropIndex('report_event_feed_order_idx').ifExists().execute()
  await db.schema.alterTable('report_event').dropColumn('transaction_id').execute()
}
