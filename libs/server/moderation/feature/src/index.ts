export * from './lib/moderation.module';
export * from './lib/staff/staff-admin.service';
export * from './lib/auth/password';
export * from './cli/create-admin-cli';
