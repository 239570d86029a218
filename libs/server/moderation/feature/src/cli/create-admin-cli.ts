import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { ConfigModule, DatabaseModule } from '@denialmap/server/core';
import { DomainError } from '@denialmap/shared/errors';
import { hashPassword, passwordProblem } from '../lib/auth/password';
import { StaffCliModule } from '../lib/moderation.module';
import { StaffAdminService } from '../lib/staff/staff-admin.service';

@Module({ imports: [ConfigModule, DatabaseModule, StaffCliModule] })
class CreateAdminCliModule {}

const USAGE = `usage: npm run admin:create -- --email you@example.org [--name "Your Name"]
  The password is asked for twice on a terminal (nothing is echoed); a script pipes it on stdin.
  There is no default password, and the password never appears in arguments or logs.`;

function option(args: string[], name: string): string | null {
  const at = args.indexOf(`--${name}`);
  if (at >= 0) return args[at + 1] ?? null;
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : null;
}

/** Reads one line without echoing it (terminal), or the first line of piped stdin. */
async function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) {
    let data = '';
    for await (const chunk of input) data += String(chunk);
    return data.split(/\r?\n/)[0] ?? '';
  }
  process.stdout.write(prompt);
  input.setRawMode(true);
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.off('data', onData);
          input.pause();
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          input.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        value = char === '\u007f' ? value.slice(0, -1) : value + char;
      }
    };
    input.resume();
    input.on('data', onData);
  });
}

/** `admin:create`: the first admin (or a recovery admin), from the server's shell. Returns the exit code. */
export async function runCreateAdminCli(args: string[]): Promise<number> {
  const email = option(args, 'email');
  if (!email || args.includes('--help')) {
    console.error(USAGE);
    return email ? 0 : 2;
  }
  const name = option(args, 'name') ?? email.split('@')[0];
  const password = await readSecret('Password (12 or more characters): ');
  const problem = passwordProblem(password, email);
  if (problem) {
    console.error(`Password not accepted: ${problem}`);
    return 1;
  }
  if (process.stdin.isTTY && (await readSecret('Same password again: ')) !== password) {
    console.error('The two passwords differ; nothing was created.');
    return 1;
  }
  // Reading a line from a terminal leaves stdin referenced; the app context must not wait on it.
  createInterface({ input: process.stdin }).close();
  const app = await NestFactory.createApplicationContext(CreateAdminCliModule, { logger: ['error'] });
  try {
    const account = await app.get(StaffAdminService).createFromCli(email, name, await hashPassword(password));
    console.log(`Created admin ${account.email} (${account.id}). Sign in at /staff.`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`Not created: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}
