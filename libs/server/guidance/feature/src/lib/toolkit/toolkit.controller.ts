import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { csvLine, Public, RequireRole } from '@denialmap/server/core';
import { ToolkitRepository } from '@denialmap/server/guidance/data-access';

/** GET /downloads/toolkit-<id>.pdf: the PDF while it lasts (404 unknown or not ready, 410 expired). */
@Public()
@Controller('downloads')
export class ToolkitDownloadController {
  constructor(private readonly documents: ToolkitRepository) {}

  @Get(':file')
  async download(@Param('file') file: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const id = /^toolkit-([0-9a-f-]{36})\.pdf$/i.exec(file)?.[1];
    const pdf = id ? await this.documents.pdf(id) : null;
    if (!id || !pdf) {
      const gone = id ? await this.documents.expired(id) : false;
      return reply
        .code(gone ? 410 : 404)
        .header('cache-control', 'no-store')
        .send({ error: { code: gone ? 'GONE' : 'NOT_FOUND', message: gone ? 'This toolkit has expired; build a new one.' : 'No toolkit PDF here (yet).' } });
    }
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="denialmap-toolkit-${id.slice(0, 8)}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  }
}

/** GET /exports/toolkit-contacts.csv (admins): the consented addresses, nothing else. */
@RequireRole('ADMIN')
@Controller('exports')
export class ToolkitContactsCsvController {
  constructor(private readonly documents: ToolkitRepository) {}

  @Get('toolkit-contacts.csv')
  download(@Res() reply: FastifyReply): FastifyReply {
    const contacts = this.documents.contacts();
    async function* lines() {
      yield csvLine(['email', 'consented_at', 'consent_text']);
      for await (const c of contacts) yield csvLine([c.email, c.consentedAt.toISOString(), c.consentText]);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="denialmap-toolkit-contacts-${new Date().toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  }
}
