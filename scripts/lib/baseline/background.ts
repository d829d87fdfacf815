/** The baseline's background: finds the claims it was given (the bench page's, found in Node) in each paragraph. */
import type { BaselineClaim } from './content';

declare const chrome: {
  runtime: { onMessage: { addListener(listener: (message: { segments: string[] }, sender: unknown, respond: (answer: unknown) => void) => void): void } };
};
declare const CLAIM_TEXTS: string[];

chrome.runtime.onMessage.addListener(({ segments }, _sender, respond) => {
  const claims: BaselineClaim[] = [];
  segments.forEach((text, segment) => {
    for (const claim of CLAIM_TEXTS) {
      for (let start = text.indexOf(claim); start >= 0; start = text.indexOf(claim, start + claim.length)) {
        claims.push({ segment, start, end: start + claim.length, text: claim });
      }
    }
  });
  respond({ claims });
});
