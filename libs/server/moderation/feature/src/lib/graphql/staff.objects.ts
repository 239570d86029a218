import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum StaffRoleEnum {
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}
registerEnumType(StaffRoleEnum, {
  name: 'StaffRole',
  description: 'MODERATOR works the moderation queue. ADMIN also invites and disables staff and reads the audit log.',
});

export enum StaffStatusEnum {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(StaffStatusEnum, { name: 'StaffStatus', description: 'INVITED: has not set a password yet. DISABLED: cannot sign in; sessions and tokens were revoked.' });

@ObjectType('StaffAccount', { description: 'A moderator or admin.' })
export class StaffAccountObject {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => StaffRoleEnum) role!: StaffRoleEnum;
  @Field(() => StaffStatusEnum) status!: StaffStatusEnum;
  @Field(() => String, { description: 'ISO 8601.' }) createdAt!: string;
  @Field(() => String, { nullable: true }) lastLoginAt!: string | null;
  @Field(() => String, { nullable: true }) disabledAt!: string | null;
}

@ObjectType('StaffSignIn', { description: 'A new session: its token is in an httpOnly cookie, never in this answer.' })
export class StaffSignInObject {
  @Field(() => StaffAccountObject) staff!: StaffAccountObject;
  @Field(() => String, { description: 'When the session ends at the latest (it also ends after a period unused).' }) expiresAt!: string;
}

@ObjectType('StaffSession')
export class StaffSessionObject {
  @Field(() => ID) id!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String) lastSeenAt!: string;
  @Field(() => String) expiresAt!: string;
  @Field(() => Boolean, { description: 'The session this request came with.' }) current!: boolean;
}

@ObjectType('ApiToken', { description: 'A token for scripts (Authorization: Bearer). Only its first characters are ever shown again.' })
export class ApiTokenObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) prefix!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) lastUsedAt!: string | null;
  @Field(() => String, { nullable: true }) expiresAt!: string | null;
  @Field(() => String, { nullable: true }) revokedAt!: string | null;
}

@ObjectType('NewApiToken')
export class NewApiTokenObject {
  @Field(() => String, { description: 'The secret. Shown this once; only its SHA-256 is stored.' }) token!: string;
  @Field(() => ApiTokenObject) apiToken!: ApiTokenObject;
}

@ObjectType('StaffInvitation')
export class StaffInvitationObject {
  @Field(() => StaffAccountObject) staff!: StaffAccountObject;
  @Field(() => String, { description: 'One-time secret, shown this once. The invitee opens invitationPath and chooses a password.' }) invitationToken!: string;
  @Field(() => String, { description: 'Path in the web app that accepts the invitation (the token is in its fragment, which is never sent to a server).' })
  invitationPath!: string;
  @Field(() => String) expiresAt!: string;
}
