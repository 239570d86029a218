import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, RequireRole, StaffActor } from '@denialmap/server/core';
import { toStaffObject } from '../graphql/mappers';
import { StaffAccountObject, StaffInvitationObject, StaffRoleEnum } from '../graphql/staff.objects';
import { StaffAdminService } from './staff-admin.service';

@RequireRole('ADMIN')
@Resolver()
export class StaffAdminResolver {
  constructor(private readonly staff: StaffAdminService) {}

  @Query(() => [StaffAccountObject], { description: 'Every staff account.' })
  async staffAccounts(): Promise<StaffAccountObject[]> {
    return (await this.staff.list()).map(toStaffObject);
  }

  @Mutation(() => StaffInvitationObject, { description: 'Invites a moderator (or admin). The answer holds a one-time link valid for 7 days.' })
  async inviteStaff(
    @CurrentActor() actor: StaffActor,
    @Args('email', { type: () => String }) email: string,
    @Args('displayName', { type: () => String }) displayName: string,
    @Args('role', { type: () => StaffRoleEnum }) role: StaffRoleEnum,
  ): Promise<StaffInvitationObject> {
    const invitation = await this.staff.invite(actor, email, displayName, role);
    return {
      staff: toStaffObject(invitation.account),
      invitationToken: invitation.token,
      invitationPath: `/staff/invitation#token=${invitation.token}`,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  @Mutation(() => StaffAccountObject, { description: 'Disables an account and revokes its sessions and tokens at once.' })
  async disableStaff(@CurrentActor() actor: StaffActor, @Args('accountId', { type: () => String }) accountId: string, @Args('reason', { type: () => String }) reason: string): Promise<StaffAccountObject> {
    return toStaffObject(await this.staff.setEnabled(actor, accountId, false, reason));
  }

  @Mutation(() => StaffAccountObject)
  async enableStaff(@CurrentActor() actor: StaffActor, @Args('accountId', { type: () => String }) accountId: string): Promise<StaffAccountObject> {
    return toStaffObject(await this.staff.setEnabled(actor, accountId, true, ''));
  }
}
