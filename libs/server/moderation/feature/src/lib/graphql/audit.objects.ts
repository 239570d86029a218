import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@denialmap/server/core';
import { AUDIT_ACTIONS } from '@denialmap/server/moderation/data-access';

export const AuditActionEnum = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, a])) as { [K in (typeof AUDIT_ACTIONS)[number]]: K };
registerEnumType(AuditActionEnum, { name: 'AuditAction', description: 'What a staff member (or the server CLI) did.' });

@ObjectType('AuditEntry', { description: 'One staff action. Entries are never changed or deleted.' })
export class AuditEntryObject {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'ISO 8601.' }) at!: string;
  @Field(() => String, { nullable: true, description: 'Null for the server CLI.' }) actorId!: string | null;
  @Field(() => String) actorEmail!: string;
  @Field(() => AuditActionEnum) action!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) reportId!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { nullable: true }) targetId!: string | null;
  @Field(() => String, { description: 'The action\u2019s facts as JSON (e.g. a redaction\u2019s before/after SHA-256).' }) details!: string;
}

export const AuditLogConnection = ConnectionType(AuditEntryObject, 'AuditLog');
