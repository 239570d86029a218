import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { PostgresPool, PrismaService } from '@denialmap/server/core';
import { appendAudit } from '@denialmap/server/moderation/data-access';
import { InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { inTransaction } from './edition-rows';

/** Each stored piece of an uploaded file; small enough that no process holds a whole file. */
export const UPLOAD_CHUNK_BYTES = 4 << 20;

export type ReferenceUploadStatus = 'UPLOADING' | 'QUEUED' | 'RUNNING' | 'STAGED' | 'FAILED';

export interface UploadedFileView {
  position: number;
  fileName: string;
  size: number;
  sha256: string;
}

export interface FileProblemView {
  file: string;
  line: number;
  column: number | null;
  problem: string;
}

export interface ReferenceUploadView {
  id: string;
  createdBy: string;
  createdAt: Date;
  status: ReferenceUploadStatus;
  progress: number;
  progressRows: number;
  message: string | null;
  problem: FileProblemView | null;
  finishedAt: Date | null;
  files: UploadedFileView[];
}

/**
 * Staff uploads of CMS files and their import job's state. Bytes go to PostgreSQL in chunks as
 * they arrive, so the worker that runs the import (on any machine) reads them from there; they are
 * deleted when the job is done with them.
 */
@Injectable()
export class ReferenceUploadRepository {
  constructor(
    private readonly postgres: PostgresPool,
    private readonly prisma: PrismaService,
  ) {}

  /** Starts an upload; first forgets abandoned ones (never submitted for a day) and the kept bytes of failures a week old. */
  async create(createdBy: string): Promise<string> {
    await this.postgres.pool.query(`DELETE FROM reference_upload WHERE status = 'UPLOADING' AND created_at < now() - interval '1 day'`);
    await this.postgres.pool.query(
      `DELETE FROM reference_upload_chunk WHERE file_id IN (
         SELECT f.id FROM reference_upload_file f JOIN reference_upload u ON u.id = f.upload_id WHERE u.status = 'FAILED' AND u.finished_at < now() - interval '7 days')`,
    );
    const { rows } = await this.postgres.pool.query<{ id: string }>(`INSERT INTO reference_upload (id, created_by) VALUES (gen_random_uuid(), $1) RETURNING id`, [createdBy]);
    return rows[0].id;
  }

  /**
   * Stores one file from a byte stream, in the upload's next position. Refuses more than `maxBytes`
   * (nothing of the file is kept) and uploads no longer accepting files.
   */
  async addFile(uploadId: string, createdBy: string, fileName: string, body: AsyncIterable<Buffer>, maxBytes: number): Promise<UploadedFileView> {
    const client = await this.postgres.pool.connect();
    try {
      return await inTransaction(client, async () => {
        const upload = await client.query<{ status: ReferenceUploadStatus; created_by: string }>(`SELECT status, created_by FROM reference_upload WHERE id = $1 FOR UPDATE`, [uploadId]);
        if (!upload.rows[0] || upload.rows[0].created_by !== createdBy) throw new NotFoundError('Reference upload', uploadId);
        if (upload.rows[0].status !== 'UPLOADING') throw new InvalidInputError('uploadId', 'This upload was already submitted; start a new one to add files.');
        const { rows } = await client.query<{ id: string; position: number }>(
          `INSERT INTO reference_upload_file (id, upload_id, position, file_name, size, sha256)
           VALUES (gen_random_uuid(), $1, (SELECT coalesce(max(position), 0) + 1 FROM reference_upload_file WHERE upload_id = $1), $2, 0, '')
           RETURNING id, position`,
          [uploadId, fileName],
        );
        const fileId = rows[0].id;
        const hash = createHash('sha256');
        let size = 0;
        let seq = 0;
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const flush = async () => {
          if (pendingBytes === 0) return;
          await client.query(`INSERT INTO reference_upload_chunk (file_id, seq, bytes) VALUES ($1, $2, $3)`, [fileId, seq++, Buffer.concat(pending, pendingBytes)]);
          pending = [];
          pendingBytes = 0;
        };
        for await (const chunk of body) {
          size += chunk.length;
          if (size > maxBytes) {
            throw new InvalidInputError('file', `${fileName} is larger than ${Math.round(maxBytes / (1 << 20))} MiB (REFERENCE_UPLOAD_MAX_MB); zip it, or load it with the CLI.`);
          }
          hash.update(chunk);
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= UPLOAD_CHUNK_BYTES) await flush();
        }
        await flush();
        if (size === 0) throw new InvalidInputError('file', `${fileName} is empty.`);
        const sha256 = hash.digest('hex');
        await client.query(`UPDATE reference_upload_file SET size = $2, sha256 = $3 WHERE id = $1`, [fileId, size, sha256]);
        return { position: rows[0].position, fileName, size, sha256 };
      });
    } finally {
      client.release();
    }
  }

  /** UPLOADING -> QUEUED once it has files, with its audit entry (the files' names and hashes). */
  async submit(uploadId: string, actor: { id: string; email: string }): Promise<ReferenceUploadView> {
    const upload = await this.get(uploadId);
    if (!upload || upload.createdBy !== actor.id) throw new NotFoundError('Reference upload', uploadId);
    if (upload.files.length === 0) throw new InvalidInputError('uploadId', 'Add at least one file before submitting.');
    await this.prisma.$transaction(async (tx) => {
      const moved = await tx.$executeRaw`UPDATE reference_upload SET status = 'QUEUED' WHERE id = ${uploadId}::uuid AND status = 'UPLOADING'`;
      if (moved !== 1) throw new InvalidInputError('uploadId', 'This upload was already submitted.');
      await appendAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: 'REFERENCE_FILES_UPLOADED',
        details: { upload: uploadId, files: upload.files.map((f) => `${f.fileName} (${f.size} bytes, sha256 ${f.sha256})`).join('; ') },
      });
    });
    return { ...upload, status: 'QUEUED' };
  }

  async get(uploadId: string): Promise<ReferenceUploadView | null> {
    if (!/^[0-9a-f-]{36}$/i.test(uploadId)) return null;
    const { rows } = await this.postgres.pool.query<UploadRow>(`SELECT * FROM reference_upload WHERE id = $1`, [uploadId]);
    if (!rows[0]) return null;
    const files = await this.postgres.pool.query<FileRow>(`SELECT position, file_name, size, sha256 FROM reference_upload_file WHERE upload_id = $1 ORDER BY position`, [uploadId]);
    return toView(rows[0], files.rows);
  }

  async recent(limit: number): Promise<ReferenceUploadView[]> {
    const { rows } = await this.postgres.pool.query<UploadRow>(`SELECT * FROM reference_upload WHERE status <> 'UPLOADING' ORDER BY created_at DESC LIMIT $1`, [limit]);
    const files = await this.postgres.pool.query<FileRow & { upload_id: string }>(
      `SELECT upload_id, position, file_name, size, sha256 FROM reference_upload_file WHERE upload_id = ANY($1) ORDER BY position`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => toView(r, files.rows.filter((f) => f.upload_id === r.id)));
  }

  async markRunning(uploadId: string): Promise<void> {
    await this.postgres.pool.query(`UPDATE reference_upload SET status = 'RUNNING', progress = 0, progress_rows = 0, message = NULL, problem = NULL WHERE id = $1`, [uploadId]);
  }

  async progress(uploadId: string, percent: number, rows: number, message: string): Promise<void> {
    await this.postgres.pool.query(`UPDATE reference_upload SET progress = $2, progress_rows = $3, message = $4 WHERE id = $1 AND status = 'RUNNING'`, [
      uploadId,
      Math.max(0, Math.min(100, Math.round(percent))),
      rows,
      message.slice(0, 1000),
    ]);
  }

  /**
   * The job's outcome. The file bytes are dropped (names and hashes stay) unless `keepBytes`: a
   * failure of the server rather than of the files, which the queue retries.
   */
  async finish(uploadId: string, status: 'STAGED' | 'FAILED', message: string, problem: FileProblemView | null, keepBytes = false): Promise<void> {
    await this.postgres.pool.query(
      `UPDATE reference_upload SET status = $2::"ReferenceUploadStatus", progress = CASE WHEN $2::text = 'STAGED' THEN 100 ELSE progress END, message = $3, problem = $4, finished_at = now() WHERE id = $1`,
      [uploadId, status, message.slice(0, 1000), problem ? JSON.stringify(problem) : null],
    );
    if (keepBytes) return;
    await this.postgres.pool.query(`DELETE FROM reference_upload_chunk WHERE file_id IN (SELECT id FROM reference_upload_file WHERE upload_id = $1)`, [uploadId]);
  }

  /** Writes each file to `directory/<position>/<its name>` (so names stay as uploaded); returns the paths in order. */
  async writeFiles(uploadId: string, directory: string): Promise<string[]> {
    const files = await this.postgres.pool.query<{ id: string; position: number; file_name: string }>(
      `SELECT id, position, file_name FROM reference_upload_file WHERE upload_id = $1 ORDER BY position`,
      [uploadId],
    );
    const paths: string[] = [];
    for (const file of files.rows) {
      const folder = join(directory, String(file.position));
      await mkdir(folder, { recursive: true });
      const path = join(folder, file.file_name);
      const out = createWriteStream(path);
      const count = await this.postgres.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM reference_upload_chunk WHERE file_id = $1`, [file.id]);
      for (let seq = 0; seq < count.rows[0].n; seq++) {
        const chunk = await this.postgres.pool.query<{ bytes: Buffer }>(`SELECT bytes FROM reference_upload_chunk WHERE file_id = $1 AND seq = $2`, [file.id, seq]);
        if (!out.write(chunk.rows[0].bytes)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      paths.push(path);
    }
    return paths;
  }
}

interface UploadRow {
  id: string;
  created_by: string;
  created_at: Date;
  status: ReferenceUploadStatus;
  progress: number;
  progress_rows: number;
  message: string | null;
  problem: FileProblemView | null;
  finished_at: Date | null;
}

interface FileRow {
  position: number;
  file_name: string;
  size: string;
  sha256: string;
}

function toView(r: UploadRow, files: FileRow[]): ReferenceUploadView {
  return {
    id: r.id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    status: r.status,
    progress: r.progress,
    progressRows: r.progress_rows,
    message: r.message,
    problem: r.problem,
    finishedAt: r.finished_at,
    files: files.map((f) => ({ position: f.position, fileName: f.file_name, size: Number(f.size), sha256: f.sha256 })),
  };
}
