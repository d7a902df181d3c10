import 'server-only';
import { readinessResponse } from './readiness';

export function GET(): Promise<Response> {
  return readinessResponse();
}
