/**
 * The escalation service as its own process, for tests that SIGKILL it (`escalation-kill.int-spec.ts`):
 * the platform from the environment (distributed), a clock fixed at argv[2], and an SMS channel that
 * writes one line per send (`<reminderId> <channel>`) to the file argv[3], slowly enough that a kill
 * lands while reminders are going out. The line is written before the attempt is recorded, as a real
 * SMSC hears the text before the service records it: a kill in between makes a re-send under the
 * same notice id, which intake's `SendStaffNotice` drops by that id.
 */
import 'reflect-metadata';
import { appendFileSync } from 'node:fs';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices } from '@hotline/infra/platform';
import { createEscalationService } from '../escalation.module';

const SEND_MS = 15;

async function main(): Promise<void> {
  const [at, sentFile] = process.argv.slice(2);
  if (!at || !sentFile) throw new Error('usage: escalation-process <clock ISO instant> <sent file>');
  const now = new Date(at);
  const config = loadConfig(platformConfigSchema, undefined, 'escalation');
  const platform = await Platform.open('escalation', config, { clock: { now: () => now } });
  await startServices(
    platform,
    [
      createEscalationService({
        sender: {
          async send(channel, notice) {
            await new Promise((resolve) => setTimeout(resolve, SEND_MS));
            appendFileSync(sentFile, `${notice.reminderId} ${channel}\n`);
            return 'delivered';
          },
        },
      }),
    ],
    { port: 0, host: '127.0.0.1', handleSignals: false },
  );
  process.stdout.write('escalation started\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `escalation-process failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
