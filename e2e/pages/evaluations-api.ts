import type { ServerFixture } from '../fixtures.ts';

export interface ApiDataset {
  id: string;
  name: string;
  enable: boolean;
  filters: { key: string; operator: string; value: (string | number | boolean)[] }[];
}
export interface ApiType { id: string; name: string; type: string; mandatory: boolean }
export interface ApiResult { evaluation_type_id: string; result: string; status: number; total_logs: number }
export interface ApiEvaluation { id: string; name: string; processed: boolean; total_logs: number; created_at: string; results: ApiResult[] }
interface ApiLog { id: string; cost?: number | null; duration: number; feedback?: number | null }
interface Envelope<T> { success: boolean; result: T; result_info?: { total_count?: number } }

/** Direct `/api` calls the journeys use to set up data and to compute expected figures on their own. */
export class EvaluationsApi {
  constructor(private readonly server: ServerFixture, readonly gw = 'default') {}

  async datasets(): Promise<ApiDataset[]> {
    return (await this.server.api<Envelope<ApiDataset[]>>(`/gateways/${this.gw}/datasets?per_page=100`)).json.result;
  }

  async dataset(name: string): Promise<ApiDataset> {
    const found = (await this.datasets()).find((d) => d.name === name);
    if (!found) throw new Error(`no dataset named ${name}`);
    return found;
  }

  async types(): Promise<ApiType[]> {
    return (await this.server.api<Envelope<ApiType[]>>('/evaluation-types?per_page=50')).json.result;
  }

  async createDataset(name: string, filters: ApiDataset['filters']): Promise<ApiDataset> {
    const res = await this.server.api<Envelope<ApiDataset>>(`/gateways/${this.gw}/datasets`, { method: 'POST', body: { name, enable: true, filters } });
    if (res.status !== 200) throw new Error(`create dataset answered ${res.status}`);
    return res.json.result;
  }

  async createEvaluation(name: string, datasetIds: string[], typeIds?: string[]): Promise<ApiEvaluation> {
    const evaluation_type_ids = typeIds ?? (await this.types()).map((t) => t.id);
    const res = await this.server.api<Envelope<ApiEvaluation>>(`/gateways/${this.gw}/evaluations`, {
      method: 'POST',
      body: { name, dataset_ids: datasetIds, evaluation_type_ids },
    });
    if (res.status !== 200) throw new Error(`create evaluation answered ${res.status}`);
    return res.json.result;
  }

  async evaluation(id: string): Promise<{ status: number; evaluation?: ApiEvaluation }> {
    const res = await this.server.api<Envelope<ApiEvaluation>>(`/gateways/${this.gw}/evaluations/${id}`);
    return { status: res.status, evaluation: res.status === 200 ? res.json.result : undefined };
  }

  async evaluations(): Promise<ApiEvaluation[]> {
    return (await this.server.api<Envelope<ApiEvaluation[]>>(`/gateways/${this.gw}/evaluations?per_page=100`)).json.result;
  }

  /** Every log a dataset's filters match, paged through 50 at a time (the logs API's maximum). */
  async logsOf(dataset: ApiDataset): Promise<ApiLog[]> {
    const logs: ApiLog[] = [];
    const filters = encodeURIComponent(JSON.stringify(dataset.filters));
    for (let page = 1; ; page++) {
      const res = await this.server.api<Envelope<ApiLog[]>>(`/gateways/${this.gw}/logs?filters=${filters}&per_page=50&page=${page}`);
      logs.push(...res.json.result);
      if (res.json.result.length < 50) return logs;
    }
  }

  /**
   * The figures an evaluation of these datasets must show, computed here from the logs: the distinct union,
   * average cost of logs with a cost, average duration, and % 👍 among rated logs, each with its n.
   */
  async expectedFigures(datasets: ApiDataset[]) {
    const union = new Map<string, ApiLog>();
    for (const d of datasets) for (const log of await this.logsOf(d)) union.set(log.id, log);
    const logs = [...union.values()];
    const costed = logs.filter((l) => typeof l.cost === 'number');
    const rated = logs.filter((l) => l.feedback === 1 || l.feedback === -1);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      totalLogs: logs.length,
      cost: { value: mean(costed.map((l) => l.cost as number)), n: costed.length },
      speed: { value: mean(logs.map((l) => l.duration)), n: logs.length },
      feedback: { value: (100 * rated.filter((l) => l.feedback === 1).length) / rated.length, n: rated.length },
    };
  }
}
