import { randomUUID } from 'node:crypto';
import { SERVICE_TYPES } from '@enterpark/common';
import { ApiClient, Answer } from './http';
import { sleep } from './processes';

export interface FiledList {
  id: string;
  ticketIds: string[];
}

/**
 * Zone managers filing demand lists through the API, as fast as `everyMs` per manager, until
 * stopped. Records every answer: a 201 is a promise that its tickets are stored and will be
 * routed, which the specs then check against the database.
 */
export class Intake {
  readonly filed: FiledList[] = [];
  readonly answers: Answer[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly http: ApiClient,
    private readonly tokens: string[],
    private readonly itemsPerList = 10,
  ) {}

  /** Files one list as the manager of `token`; a 201 is recorded in `filed`. */
  async fileOne(token: string): Promise<Answer> {
    const items = Array.from({ length: this.itemsPerList }, (_, i) => ({ type: SERVICE_TYPES[i % SERVICE_TYPES.length], title: `故障演练需求 ${i + 1}` }));
    const answer = await this.http.call('POST', '/api/v1/demand-lists', {
      token,
      body: { title: '故障演练需求清单', items },
      headers: { 'idempotency-key': randomUUID() },
    });
    this.answers.push(answer);
    if (answer.status === 201) this.filed.push({ id: answer.body.id, ticketIds: answer.body.tickets.map((t: { id: string }) => t.id) });
    return answer;
  }

  start(everyMs: number): void {
    this.running = true;
    this.loops = this.tokens.map(async (token) => {
      while (this.running) {
        const started = Date.now();
        await this.fileOne(token);
        await sleep(Math.max(0, everyMs - (Date.now() - started)));
      }
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  get ticketIds(): string[] {
    return this.filed.flatMap((l) => l.ticketIds);
  }
}
