import { CaseMerged, LinkDuplicateCase } from '@hotline/contracts';
import type { ReactorSpec } from '@hotline/infra/reactor';
import type { CaseCommandService } from './case-command.service';

export const MERGE_LINKER_CONSUMER = 'workflow-merge-linker';

/**
 * The process manager of 并单: when a duplicate is merged (`CaseMerged` on the duplicate), it links
 * the duplicate on the master (`LinkDuplicateCase`) so that both citizens are answered. A master
 * that refuses the link (declined, itself merged) is logged, not retried: retrying cannot change its mind.
 */
export const mergeLinker = (commands: CaseCommandService): ReactorSpec => ({
  name: MERGE_LINKER_CONSUMER,
  events: [CaseMerged],
  refusal: 'the master case refused the merged duplicate',
  react: async ({ event, command }) => {
    const { caseId, masterCaseId } = event.data as { caseId: string; masterCaseId: string };
    await commands.execute(
      command(LinkDuplicateCase, 'link', { caseId: masterCaseId, duplicateCaseId: caseId }),
    );
  },
});
