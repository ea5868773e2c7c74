// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../app/providers.tsx';
import { LogDetailView } from './log-detail.tsx';
import type { LogDetail } from '../../../shared/logs.ts';

const base: LogDetail = {
  id: '01ABC',
  created_at: '2026-11-21T10:00:00.000Z',
  provider: 'openai',
  model: 'gpt-4o',
  path: 'v1/chat/completions',
  duration: 1234,
  success: false,
  cached: false,
  tokens_in: 10,
  tokens_out: null,
  status_code: 500,
};

const show = (log: LogDetail) =>
  render(
    <Providers client={new QueryClient()}>
      <LogDetailView gw="default" log={log} />
    </Providers>,
  );

const field = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;

describe('LogDetailView', () => {
  it('shows every field, a dash for what is missing, and the heads with their sizes when kept', () => {
    show({
      ...base,
      request_head: '{"messages":[{"role":"user"',
      request_head_complete: false,
      request_size: 2048,
      response_head: '{"error":"upstream"}',
      response_head_complete: true,
      response_size: 20,
    });
    expect(screen.getByText('Error')).toBeInTheDocument();
    expect(screen.getByText('HTTP 500')).toBeInTheDocument();
    expect(field('Duration')).toHaveTextContent('1,234 ms');
    expect(field('Tokens out')).toHaveTextContent('—');
    expect(field('Cost')).toHaveTextContent('—');
    expect(screen.getByRole('heading', { name: 'Request head · 2.0 KB · truncated by the gateway' })).toBeInTheDocument();
    expect(screen.getByLabelText('Request head')).toHaveTextContent('{"messages":[{"role":"user"');
    expect(screen.getByRole('heading', { name: 'Response head · 20 B' })).toBeInTheDocument();
    expect(screen.queryByText(/kept no request or response head/)).toBeNull();
  });

  it('says so when the gateway kept no heads', () => {
    show(base);
    expect(screen.getByText('The gateway kept no request or response head for this log.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Request head/ })).toBeNull();
  });
});
