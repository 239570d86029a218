import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig, CurrentActor, GraphqlContext, Public, RequireRole, StaffActor } from '@denialmap/server/core';
import { StaffAccountRepository } from '@denialmap/server/moderation/data-access';
import { toApiTokenObject, toStaffObject } from '../graphql/mappers';
import { ApiTokenObject, NewApiTokenObject, StaffAccountObject, StaffSessionObject, StaffSignInObject } from '../graphql/staff.objects';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { NewSession, StaffAuthService } from './staff-auth.service';

@Resolver()
export class StaffAuthResolver {
  constructor(
    private readonly auth: StaffAuthService,
    private readonly accounts: StaffAccountRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Query(() => StaffAccountObject, { nullable: true, description: 'The signed-in staff member, or null (anyone may ask).' })
  async me(@CurrentActor() actor: StaffActor | null): Promise<StaffAccountObject | null> {
    const account = actor ? await this.accounts.find(actor.accountId) : null;
    return account ? toStaffObject(account) : null;
  }

  @Public()
  @Mutation(() => StaffSignInObject, { description: 'Staff sign-in: sets an httpOnly, SameSite=Strict session cookie. Rate-limited; repeated failures lock the email for a while.' })
  async signIn(@Args('email', { type: () => String }) email: string, @Args('password', { type: () => String }) password: string, @Context() context: GraphqlContext): Promise<StaffSignInObject> {
    return this.started(await this.auth.login(email, password, context.req?.ip ?? ''), context);
  }

  @Public()
  @Mutation(() => StaffSignInObject, { description: 'Sets the password of an invited account with its one-time token and signs in.' })
  async acceptStaffInvitation(@Args('token', { type: () => String }) token: string, @Args('password', { type: () => String }) password: string, @Context() context: GraphqlContext): Promise<StaffSignInObject> {
    return this.started(await this.auth.acceptInvitation(token, password), context);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends this session (if any) and clears its cookie. Always true.' })
  async signOut(@CurrentActor() actor: StaffActor | null, @Context() context: GraphqlContext): Promise<boolean> {
    await this.auth.logout(actor);
    clearSessionCookie(context.req, context.reply, this.config);
    return true;
  }

  @RequireRole('MODERATOR')
  @Query(() => [StaffSessionObject], { description: 'Your open sessions.' })
  async mySessions(@CurrentActor() actor: StaffActor): Promise<StaffSessionObject[]> {
    return (await this.auth.sessions(actor)).map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      current: actor.via === 'SESSION' && actor.credentialId === s.id,
    }));
  }

  @RequireRole('MODERATOR')
  @Mutation(() => Boolean, { description: 'Ends one of your sessions (e.g. on a lost laptop).' })
  async revokeMySession(@CurrentActor() actor: StaffActor, @Args('sessionId', { type: () => String }) sessionId: string): Promise<boolean> {
    await this.auth.revokeSession(actor, sessionId);
    return true;
  }

  @RequireRole('MODERATOR')
  @Query(() => [ApiTokenObject], { description: 'Your API tokens (their secrets are never shown again).' })
  async myApiTokens(@CurrentActor() actor: StaffActor): Promise<ApiTokenObject[]> {
    return (await this.auth.tokens(actor)).map(toApiTokenObject);
  }

  @RequireRole('MODERATOR')
  @Mutation(() => NewApiTokenObject, { description: 'A token for scripts, acting with your role. The secret is in this answer only.' })
  async createApiToken(
    @CurrentActor() actor: StaffActor,
    @Args('name', { type: () => String }) name: string,
    @Args('expiresInDays', { type: () => Int, nullable: true, description: '1 to 365; omit for no expiry.' }) expiresInDays: number | null,
  ): Promise<NewApiTokenObject> {
    const { token, record } = await this.auth.createToken(actor, name, expiresInDays ?? null);
    return { token, apiToken: toApiTokenObject(record) };
  }

  @RequireRole('MODERATOR')
  @Mutation(() => Boolean)
  async revokeApiToken(@CurrentActor() actor: StaffActor, @Args('tokenId', { type: () => String }) tokenId: string): Promise<boolean> {
    await this.auth.revokeToken(actor, tokenId);
    return true;
  }

  private started(session: NewSession, context: GraphqlContext): StaffSignInObject {
    setSessionCookie(context.req, context.reply, this.config, session.token, session.expiresAt);
    return { staff: toStaffObject(session.account), expiresAt: session.expiresAt.toISOString() };
  }
}
