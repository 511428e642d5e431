import { MANAGED_FILES_MANIFEST_PATH } from '../managedFiles/manifest';
import { RepositoryUpdatePlan } from './planRepositoryUpdate';

const list = (files: string[]) => files.map(file => `- \`${file}\``).join('\n');

/** The pull request's description: what changes, what was edited by hand, what to do. */
export function describeRepositoryUpdate(plan: RepositoryUpdatePlan): string {
  const sections = [
    `Updates the files ZeroOps manages in \`${plan.serviceName}\` from template version ${plan.fromVersion} to ${plan.toVersion}. Only files whose content differs are in this change.`,
    `**Changed (${plan.changedFiles.length})**\n\n${list(plan.changedFiles)}`,
  ];
  if (plan.handEditedFiles.length > 0) {
    sections.push(
      `**Edited by hand since ZeroOps wrote them (${
        plan.handEditedFiles.length
      })**: this change replaces the edits; carry over what is still needed before merging.\n\n${list(
        plan.handEditedFiles,
      )}`,
    );
  }
  if (plan.skippedFiles.length > 0) {
    sections.push(
      `**Edited by hand and left as they are (${
        plan.skippedFiles.length
      })**: they miss this update; compare them with a new repository to pick up the changes.\n\n${list(
        plan.skippedFiles,
      )}`,
    );
  }
  if (plan.obsoleteFiles.length > 0) {
    sections.push(
      `**No longer generated (${
        plan.obsoleteFiles.length
      })**: delete them unless something else uses them.\n\n${list(
        plan.obsoleteFiles,
      )}`,
    );
  }
  if (plan.inputsFrom === 'previousInputs') {
    sections.push(
      `This repository predates \`${MANAGED_FILES_MANIFEST_PATH}\`: the files were rendered from the values given to the update, and edits by hand cannot be told apart from template changes, so review every changed file. From now on the manifest records the inputs and what ZeroOps wrote.`,
    );
  }
  sections.push(`${plan.unchangedFiles.length} managed files are unchanged.`);
  return `${sections.join('\n\n')}\n`;
}
