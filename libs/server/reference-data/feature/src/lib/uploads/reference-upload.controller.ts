import { Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, RequireRole, StaffActor } from '@denialmap/server/core';
import { UploadedFileView } from '@denialmap/server/reference-data/data-access';
import { InvalidInputError } from '@denialmap/shared/errors';
import { ReferenceUploadsService } from './reference-uploads.service';

/**
 * POST /staff/reference-uploads/<upload id>/files?name=<file name>: one CMS file as the raw body
 * (application/octet-stream), streamed into storage as it arrives. Admins only; the session cookie
 * is SameSite=Strict, so another site cannot send it.
 */
@RequireRole('ADMIN')
@Controller('staff/reference-uploads')
export class ReferenceUploadController {
  constructor(private readonly service: ReferenceUploadsService) {}

  @Post(':id/files')
  @HttpCode(201)
  addFile(@CurrentActor() actor: StaffActor, @Param('id') id: string, @Query('name') name: string | undefined, @Req() request: FastifyRequest): Promise<UploadedFileView> {
    const body = request.body as AsyncIterable<Buffer> | undefined;
    if (!body || typeof (body as Partial<AsyncIterable<Buffer>>)[Symbol.asyncIterator] !== 'function') {
      throw new InvalidInputError('body', 'Send the file as the request body with Content-Type: application/octet-stream.');
    }
    return this.service.addFile(actor, id, name, body);
  }
}
