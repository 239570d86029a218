import { Injectable } from '@nestjs/common';
import { StaffActor } from '@denialmap/server/core';
import { CuratedTipRecord, CuratedTipRepository } from '@denialmap/server/guidance/data-access';
import { InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { parseHcpcsCode } from '@denialmap/shared/fee-schedule';
import { scanText } from '@denialmap/shared/phi-guard';
import { curatedTipContent, CuratedTipDraft } from './curated-tip-input';

const LIST_CAP = 200;

/** Staff-written tips: add, edit, retire, each in one transaction with its audit entry. */
@Injectable()
export class CuratedTipService {
  constructor(private readonly tips: CuratedTipRepository) {}

  list(code: string | null, includeRetired: boolean): Promise<CuratedTipRecord[]> {
    return this.tips.list(code ? parseHcpcsCode(code, 'code') : null, includeRetired, LIST_CAP);
  }

  create(actor: StaffActor, draft: CuratedTipDraft): Promise<CuratedTipRecord> {
    return this.tips.create(editor(actor), curatedTipContent(draft));
  }

  async update(actor: StaffActor, id: string, draft: CuratedTipDraft, note: string | null): Promise<CuratedTipRecord> {
    const updated = await this.tips.update(editor(actor), tipId(id), curatedTipContent(draft), reason(note, false));
    if (!updated) throw new NotFoundError('CuratedTip', id, `No active tip ${id}: it does not exist or was retired.`);
    return updated;
  }

  async retire(actor: StaffActor, id: string, why: string): Promise<CuratedTipRecord> {
    const retired = await this.tips.retire(editor(actor), tipId(id), reason(why, true) as string);
    if (!retired) throw new NotFoundError('CuratedTip', id, `No active tip ${id}: it does not exist or was already retired.`);
    return retired;
  }
}

const editor = (actor: StaffActor) => ({ id: actor.accountId, email: actor.email });

function tipId(id: string): string {
  const trimmed = id.trim();
  if (!/^[0-9a-f-]{36}$/i.test(trimmed)) throw new InvalidInputError('id', 'id is a tip id from curatedTips.');
  return trimmed;
}

function reason(text: string | null | undefined, required: boolean): string | null {
  const trimmed = (text ?? '').trim();
  if (!trimmed) {
    if (required) throw new InvalidInputError('reason', 'A reason is required (3 to 500 characters); it is kept in the audit log.');
    return null;
  }
  if (trimmed.length < 3 || trimmed.length > 500) throw new InvalidInputError(required ? 'reason' : 'note', 'A reason has 3 to 500 characters.');
  if (scanText(trimmed).length > 0) throw new InvalidInputError(required ? 'reason' : 'note', 'The reason looks like it contains patient information; write it without.');
  return trimmed;
}
