import type { Context } from 'hono';
import { z } from 'zod';
import { gatewayIdSchema, resourceIdSchema } from '../../shared/gateways.ts';
import { validate } from '../http.ts';

const gatewayOnly = z.object({ gw: gatewayIdSchema });
const gatewayAndId = z.object({ gw: gatewayIdSchema, id: resourceIdSchema });

/** The gateway id of the path, validated before it can reach the upstream's path builder. */
export const gatewayParam = (c: Context) => validate('path', gatewayOnly, { gw: c.req.param('gw') }).gw;

/** Gateway and resource ids of the path; `..`, `/`, `?`, `#` and friends never pass. */
export const resourceParams = (c: Context) => validate('path', gatewayAndId, { gw: c.req.param('gw'), id: c.req.param('id') });
