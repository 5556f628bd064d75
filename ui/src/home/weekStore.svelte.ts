// Home's This week card: the week's summary, reloaded with Home.

import { api, type Api } from '../lib/api';
import type { IpcError, WeekSummary } from '../lib/bindings';
import { Latest } from '../lib/latest';

export type WeekApi = Pick<Api, 'weekSummary'>;

export class WeekStore {
  summary: WeekSummary | null = $state(null);
  error: IpcError | null = $state(null);

  readonly #api: WeekApi;
  readonly #reads = new Latest();

  constructor(source: WeekApi) {
    this.#api = source;
  }

  load(): Promise<void> {
    return this.#reads.read(
      () => this.#api.weekSummary(),
      (summary) => {
        this.summary = summary;
        this.error = null;
      },
      (e) => (this.error = e),
    );
  }
}

export const week = new WeekStore(api);
