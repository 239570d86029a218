import { Injectable } from '@nestjs/common';
import { PrismaService } from '@denialmap/server/core';

export type ToolkitStatus = 'QUEUED' | 'BUILDING' | 'READY' | 'FAILED';

export interface ToolkitDocumentView {
  id: string;
  preset: string | null;
  codes: string[];
  dateOfService: string;
  status: ToolkitStatus;
  progress: number;
  error: string | null;
  pages: number | null;
  bytes: number | null;
  createdAt: Date;
  readyAt: Date | null;
  expiresAt: Date;
}

export interface ToolkitContactView {
  email: string;
  consentText: string;
  consentedAt: Date;
}

type Row = {
  id: string;
  preset: string | null;
  codes: string[];
  date_of_service: Date;
  status: ToolkitStatus;
  progress: number;
  error: string | null;
  pages: number | null;
  bytes: number | null;
  created_at: Date;
  ready_at: Date | null;
  expires_at: Date;
};

const toView = (r: Row): ToolkitDocumentView => ({
  id: r.id,
  preset: r.preset,
  codes: r.codes,
  dateOfService: r.date_of_service.toISOString().slice(0, 10),
  status: r.status,
  progress: r.progress,
  error: r.error,
  pages: r.pages,
  bytes: r.bytes,
  createdAt: r.created_at,
  readyAt: r.ready_at,
  expiresAt: r.expires_at,
});

/**
 * Toolkit PDFs (kept in PostgreSQL so any api instance can serve them, and deleted once they
 * expire) and, in a table of their own, the email addresses given with consent.
 */
@Injectable()
export class ToolkitRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(doc: { preset: string | null; codes: string[]; dateOfService: string; ttlHours: number }): Promise<ToolkitDocumentView> {
    const [row] = await this.prisma.$queryRaw<Row[]>`
      INSERT INTO toolkit_document (id, preset, codes, date_of_service, expires_at)
      VALUES (gen_random_uuid(), ${doc.preset}, ${doc.codes}::varchar(5)[], ${doc.dateOfService}::date, now() + make_interval(hours => ${doc.ttlHours}))
      RETURNING id::text AS id, preset, codes, date_of_service, status, progress, error, pages, NULL::int AS bytes, created_at, ready_at, expires_at`;
    return toView(row);
  }

  /** The document, unless it has expired (an expired one is as good as deleted). */
  async find(id: string): Promise<ToolkitDocumentView | null> {
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT id::text AS id, preset, codes, date_of_service, status, progress, error, pages, octet_length(pdf) AS bytes, created_at, ready_at, expires_at
      FROM toolkit_document WHERE id = ${id}::uuid AND expires_at > now()`;
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Whether the id was ever issued and has expired (to answer "gone" rather than "not found"). */
  async expired(id: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM toolkit_document WHERE id = ${id}::uuid AND expires_at <= now()`;
    return Number(rows[0].n) > 0;
  }

  async pdf(id: string): Promise<Buffer | null> {
    const rows = await this.prisma.$queryRaw<{ pdf: Buffer | null }[]>`SELECT pdf FROM toolkit_document WHERE id = ${id}::uuid AND status = 'READY' AND expires_at > now()`;
    return rows[0]?.pdf ?? null;
  }

  async progress(id: string, percent: number): Promise<void> {
    await this.prisma.$executeRaw`UPDATE toolkit_document SET status = 'BUILDING', progress = ${Math.max(0, Math.min(100, Math.round(percent)))} WHERE id = ${id}::uuid AND status <> 'READY'`;
  }

  async complete(id: string, pdf: Uint8Array, pages: number): Promise<void> {
    await this.prisma.$executeRaw`UPDATE toolkit_document SET status = 'READY', progress = 100, pdf = ${Buffer.from(pdf)}, pages = ${pages}, ready_at = now(), error = NULL WHERE id = ${id}::uuid`;
  }

  async fail(id: string, error: string): Promise<void> {
    await this.prisma.$executeRaw`UPDATE toolkit_document SET status = 'FAILED', error = ${error.slice(0, 500)} WHERE id = ${id}::uuid AND status <> 'READY'`;
  }

  /** Deletes expired documents; returns how many. */
  async purgeExpired(): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM toolkit_document WHERE expires_at <= now() - interval '1 day'`;
  }

  async addContact(email: string, consentText: string): Promise<void> {
    await this.prisma.$executeRaw`INSERT INTO toolkit_contact (id, email, consent_text) VALUES (gen_random_uuid(), ${email}, ${consentText})`;
  }

  /** Every consented address, oldest first, a batch at a time (for the admins' CSV). */
  async *contacts(batch = 1000): AsyncGenerator<ToolkitContactView> {
    let after = new Date(0);
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.prisma.$queryRaw<{ id: string; email: string; consent_text: string; consented_at: Date }[]>`
        SELECT id::text AS id, email, consent_text, consented_at FROM toolkit_contact
        WHERE (consented_at, id) > (${after}, ${afterId}::uuid) ORDER BY consented_at, id LIMIT ${batch}`;
      for (const r of rows) yield { email: r.email, consentText: r.consent_text, consentedAt: r.consented_at };
      if (rows.length < batch) return;
      after = rows[rows.length - 1].consented_at;
      afterId = rows[rows.length - 1].id;
    }
  }
}
