import 'server-only';
import { GET_ONLY } from './method-not-allowed';
import { readinessResponse } from './readiness';

export function GET(): Promise<Response> {
  return readinessResponse();
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = GET_ONLY;
