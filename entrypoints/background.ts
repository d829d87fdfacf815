import { browser } from 'wxt/browser';
import shipped from '../lib/reference/shipped.generated.json';
import { FactCheckService } from '../lib/background/service';
import { createRouter } from '../lib/messaging/router';
import type { ReferenceDataset } from '../lib/reference/types';
import { FactCheckDB } from '../lib/store/db';

export default defineBackground(() => {
  const service = new FactCheckService(new FactCheckDB(), shipped as ReferenceDataset);
  const route = createRouter(service.handlers(), browser.runtime.id, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.runtime.onInstalled.addListener(() => {
    service.ensureReference().catch((error: unknown) => console.error('Loading the reference data failed', error));
  });
});
