import { memberTemplates } from '../../../core/http/member-pages/store.ts';

/** Runs `work` with members' pages rendered for each member alone, the way every other page is: the reference a template's page must equal. */
export async function renderedAlone<T>(work: () => Promise<T>): Promise<T> {
  memberTemplates.enabled = false;
  try {
    return await work();
  } finally {
    memberTemplates.enabled = true;
  }
}
