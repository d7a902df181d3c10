import 'server-only';
import pino, { type DestinationStream, type Logger } from 'pino';
import { logLevel } from '@/lib/config/env';

let logger: Logger | undefined;
let destination: DestinationStream | undefined;

/** One JSON line per proxy request, on stdout. */
export function proxyLogger(): Logger {
  logger ??= pino({ name: 'sagemaker-proxy', level: logLevel() }, destination ?? pino.destination({ sync: false }));
  return logger;
}

export function resetLoggerForTests(stream?: DestinationStream): void {
  logger = undefined;
  destination = stream;
}
