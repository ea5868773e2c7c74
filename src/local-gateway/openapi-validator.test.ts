import { describe, expect, it } from 'vitest';
import { assertMatchesSpec, checkResponse, findPathTemplate } from '../test-support/openapi.ts';

/** The spec checks in the other tests are only worth something if the validator can say no. */
describe('the OpenAPI response validator', () => {
  const list = '/client/v4/accounts/abc/ai-gateway/gateways/gw/datasets';

  it('finds the operation by method and path, preferring literal segments', () => {
    expect(findPathTemplate(`http://h${list}?page=2`)).toBe('/accounts/{account_id}/ai-gateway/gateways/{gateway_id}/datasets');
    expect(findPathTemplate('/accounts/a/ai-gateway/evaluation-types')).toBe('/accounts/{account_id}/ai-gateway/evaluation-types');
    expect(findPathTemplate('/client/v4/accounts/a/ai-gateway/nothing')).toBeUndefined();
  });

  it('accepts a conforming body and refuses a broken one, saying where', () => {
    const dataset = { id: 'd', gateway_id: 'gw', name: 'n', enable: true, filters: [], created_at: '2026-01-01T00:00:00Z', modified_at: '2026-01-01T00:00:00Z' };
    expect(checkResponse('GET', list, 200, { success: true, result: [dataset] }).errors).toEqual([]);
    const broken = checkResponse('GET', list, 200, { success: true, result: [{ ...dataset, enable: 'yes', gateway_id: 'Bad Id' }] });
    expect(broken.errors.join('\n')).toMatch(/\/result\/0\/enable must be boolean/);
    expect(broken.errors.join('\n')).toMatch(/\/result\/0\/gateway_id must match pattern/);
    expect(() => assertMatchesSpec('GET', list, 200, { result: [] })).toThrow(/must have required property 'success'/);
  });

  it('holds list 400s to their schema (result object required) and create 400s to code/message/path', () => {
    expect(checkResponse('GET', list, 400, { success: false, errors: [{ message: 'x' }], result: null }).errors.join()).toMatch(/result must be object/);
    expect(checkResponse('POST', list, 400, { success: false, errors: [{ code: 7001, message: 'x' }] }).errors.join()).toMatch(/path/);
  });

  it('checks an undeclared error status against the operation error shape, and refuses an undeclared success', () => {
    const check = checkResponse('GET', `${list}/d1`, 401, { success: false, errors: [{ code: 10000, message: 'Authentication error' }] });
    expect(check).toMatchObject({ checkedAs: '404', errors: [] });
    expect(checkResponse('GET', `${list}/d1`, 401, { success: false, errors: [{ message: 'no code' }] }).errors).not.toEqual([]);
    expect(checkResponse('GET', `${list}/d1`, 201, {}).errors[0]).toMatch(/not declared/);
  });
});
