/**
 * The pull-request comment (`comment: true`): created once, then updated in place on every run,
 * found again by a hidden marker (one per app folder, so several apps can each keep their own).
 * Through @actions/github, which honours GITHUB_API_URL (GitHub Enterprise Server).
 */
import * as github from '@actions/github';
import { errorMessage } from '../../harness/errors.js';

export interface CommentResult {
  outcome: 'created' | 'updated' | 'skipped';
  /** Why it was skipped, or the comment's URL. */
  detail: string;
}

export function marker(key: string): string {
  return `<!-- durable-gate:replay ${key.replace(/-->/g, '')} -->`;
}

export async function upsertComment(token: string, key: string, body: string): Promise<CommentResult> {
  const { context } = github;
  const number = context.payload.pull_request?.number ?? (context.payload.issue?.pull_request ? context.payload.issue.number : undefined);
  if (!number) return { outcome: 'skipped', detail: `this run is for '${context.eventName || 'an unknown event'}', not a pull request` };
  if (!token) return { outcome: 'skipped', detail: "no 'github-token' was given" };
  const octokit = github.getOctokit(token);
  const { owner, repo } = context.repo;
  const tag = marker(key);
  // GitHub refuses comments over 65,536 characters; the job summary has the whole report.
  const text = `${tag}\n${body.length > 60_000 ? `${body.slice(0, 60_000)}\n\n… cut here: the job summary has the whole report.` : body}`;
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
    // Only a comment a bot wrote (this workflow's token) is ours to update: anyone can paste the marker.
    const mine = comments.find((c) => c.body?.includes(tag) && c.user?.type === 'Bot');
    if (mine) {
      const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: text });
      return { outcome: 'updated', detail: updated.data.html_url };
    }
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: text });
    return { outcome: 'created', detail: created.data.html_url };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404) {
      throw new Error(
        `could not comment on pull request #${number} (HTTP ${status}): the token cannot write to it. Pull requests from forks get a read-only token; give the job 'permissions: pull-requests: write', or read the job summary instead.`,
      );
    }
    throw new Error(`could not comment on pull request #${number}: ${errorMessage(error)}`);
  }
}
